package io.nodesim.metrics;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import io.nodesim.kernel.SimTime;
import java.io.Flushable;
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

    /** A writer of this dialect that takes a row cell by cell; each row goes to {@code out} as it ends. */
    public static RowWriter rows(Writer out) {
        return new RowWriter(out);
    }

    /**
     * Rows built cell by cell in one buffer, without a String per cell or an array per row: a large
     * run's pods.csv has hundreds of thousands of time cells, each of which used to be a String, and
     * C1 has no escape analysis to remove them. The bytes are those of {@link #writer} given the same
     * cells as Strings (Rfc4180RowWriterTest compares them).
     */
    public static final class RowWriter implements Flushable {
        private final Writer out;
        private final StringBuilder line = new StringBuilder(256);
        private char[] chars = new char[256];
        private boolean firstCell = true;

        private RowWriter(Writer out) {
            this.out = out;
        }

        /** A text cell; null is an empty cell. Quoted, quotes doubled, when it holds a quote, a comma or a line break. */
        public RowWriter text(String value) {
            separate();
            if (value == null) {
                return this;
            }
            if (value.indexOf('"') < 0 && value.indexOf(',') < 0 && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                line.append(value);
                return this;
            }
            line.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    line.append('"');
                }
                line.append(c);
            }
            line.append('"');
            return this;
        }

        public RowWriter integer(long value) {
            separate();
            line.append(value);
            return this;
        }

        /** A time as {@link CsvCells#time} writes it: seconds with three decimals, empty for never. */
        public RowWriter time(long micros) {
            separate();
            if (micros != SimTime.NEVER) {
                SimTime.appendSeconds(line, micros);
            }
            return this;
        }

        /** Ends the row and writes it to the writer. */
        public void end() throws IOException {
            line.append('\n');
            int n = line.length();
            if (chars.length < n) {
                chars = new char[Math.max(n, 2 * chars.length)];
            }
            line.getChars(0, n, chars, 0);
            out.write(chars, 0, n);
            line.setLength(0);
            firstCell = true;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        private void separate() {
            if (!firstCell) {
                line.append(',');
            }
            firstCell = false;
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
