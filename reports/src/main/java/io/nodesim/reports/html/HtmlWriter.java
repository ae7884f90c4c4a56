package io.nodesim.reports.html;

/**
 * Builds an XHTML-compatible page: every text and attribute goes through {@link #escape}, every
 * element is closed, void elements self-close. That keeps report.html parseable as XML, which is how
 * the tests check it is well formed.
 */
final class HtmlWriter {
    private final StringBuilder sb = new StringBuilder(64 * 1024);

    /** Escapes text for element content and attribute values; drops characters XML forbids. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** {@code <tag a="v" ...>}; attributes as name, value pairs. */
    HtmlWriter open(String tag, String... attributes) {
        sb.append('<').append(tag);
        attributes(attributes);
        sb.append('>');
        return this;
    }

    HtmlWriter close(String tag) {
        sb.append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code <tag ...>text</tag>}. */
    HtmlWriter element(String tag, String text, String... attributes) {
        open(tag, attributes);
        sb.append(escape(text));
        sb.append("</").append(tag).append('>');
        return this;
    }

    /** A void element such as {@code <img .../>}. */
    HtmlWriter empty(String tag, String... attributes) {
        sb.append('<').append(tag);
        attributes(attributes);
        sb.append("/>");
        return this;
    }

    HtmlWriter text(String text) {
        sb.append(escape(text));
        return this;
    }

    /** Markup the caller built itself (the fixed head of the page); never user text. */
    HtmlWriter markup(String markup) {
        sb.append(markup);
        return this;
    }

    /** A table row of plain cells. */
    HtmlWriter row(String cellTag, String... cells) {
        open("tr");
        for (String c : cells) {
            element(cellTag, c);
        }
        return close("tr");
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            sb.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
