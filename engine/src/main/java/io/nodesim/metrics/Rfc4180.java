package io.nodesim.metrics;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The one CSV dialect of every output file (DESIGN §3), written and read with opencsv: comma
 * separated, a field quoted only when it holds a comma, a quote or a line break, quotes doubled,
 * lines ended by a single LF on every platform so that the same seed gives the same bytes everywhere.
 */
public final class Rfc4180 {
    private Rfc4180() {
    }

    /** A writer of this dialect onto {@code out}; rows go through {@code writeNext(cells, false)}. */
    public static ICSVWriter writer(Writer out) {
        return new LineReusingWriter(out);
    }

    /**
     * opencsv's CSVWriter, with one line buffer for all its rows: its {@code writeNext} makes a
     * 1,024-character StringBuilder per row, which was most of the time of a 50,000-row pods.csv when
     * C1 compiles the run (no escape analysis). The line and the bytes written are CSVWriter's own.
     */
    private static final class LineReusingWriter extends CSVWriter {
        private final StringBuilder line = new StringBuilder(256);

        LineReusingWriter(Writer out) {
            super(out, ',', DEFAULT_QUOTE_CHARACTER, DEFAULT_QUOTE_CHARACTER, "\n");
        }

        @Override
        public void writeNext(String[] nextLine, boolean applyQuotesToAll) {
            line.setLength(0);
            try {
                writeNext(nextLine, applyQuotesToAll, line);
            } catch (IOException e) {
                exception = e;
            }
        }
    }

    /** One row as a line, without its line end. */
    public static String line(List<String> cells) {
        StringWriter text = new StringWriter();
        try (ICSVWriter csv = writer(text)) {
            csv.writeNext(cells.toArray(String[]::new), false);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        String line = text.toString();
        return line.substring(0, line.length() - 1);
    }

    /** The cells of one line (without its line end), quotes undone. */
    public static List<String> cells(String line) {
        RFC4180Parser parser = new RFC4180ParserBuilder().build();
        try {
            return List.of(parser.parseLine(line));
        } catch (IOException e) {
            throw new UncheckedIOException("parsing a string cannot fail to read", e);
        }
    }
}
