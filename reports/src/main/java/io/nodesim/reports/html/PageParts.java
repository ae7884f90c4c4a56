package io.nodesim.reports.html;

import io.nodesim.reports.charts.RenderedChart;
import java.util.Base64;
import java.util.List;

/** What report.html and sweep.html share: the head and style, the charts section, the files list. */
final class PageParts {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;\
            padding:0 1em;color:#222;line-height:1.45}
            h1{margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.8em}
            table{border-collapse:collapse;margin:.6em 0;font-size:.9em}td,th{border:1px solid #ddd;padding:.2em .45em}
            .wide{overflow-x:auto}
            th{background:#f4f4f4;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
            figure{margin:1.2em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            .question{font-style:italic;color:#444}.muted{color:#777}code{background:#f4f4f4;padding:0 .2em}
            """;

    private PageParts() {
    }

    /** The document up to and including {@code <body>}. */
    static void head(HtmlWriter h, String title) {
        h.markup("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                + "<meta charset=\"utf-8\"/>\n");
        h.element("title", title).markup("\n");
        // A constant with no '<' or '&': style content is raw text to an HTML parser, so it is not escaped.
        h.markup("<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
    }

    /** Closes the document and returns it. */
    static String end(HtmlWriter h) {
        h.markup("</body>\n</html>\n");
        return h.toString();
    }

    /** Every chart embedded as a PNG data URI, with its question and links to its files. */
    static void charts(HtmlWriter h, List<RenderedChart> charts) {
        h.element("h2", "Charts", "id", "charts").markup("\n");
        for (RenderedChart c : charts) {
            h.open("figure", "id", "chart-" + c.chart().fileName()).markup("\n");
            h.element("h3", c.chart().title()).markup("\n");
            h.element("p", c.chart().question(), "class", "question").markup("\n");
            h.empty("img", "src", "data:image/png;base64," + Base64.getEncoder().encodeToString(c.png()),
                    "alt", c.chart().title(), "width", Integer.toString(c.chart().width()),
                    "height", Integer.toString(c.chart().height())).markup("\n");
            h.open("figcaption", "class", "muted").text("Also as ");
            h.element("a", c.pngFileName(), "href", c.pngFileName()).text(" and ");
            h.element("a", c.svgFileName(), "href", c.svgFileName()).text(" beside this page.");
            h.close("figcaption").close("figure");
        }
    }

    static void files(HtmlWriter h, List<String> dataFiles) {
        h.element("h2", "Files", "id", "files").markup("\n");
        h.open("ul").markup("\n");
        for (String f : dataFiles) {
            h.open("li").element("a", f, "href", f).close("li");
        }
        h.close("ul");
    }
}
