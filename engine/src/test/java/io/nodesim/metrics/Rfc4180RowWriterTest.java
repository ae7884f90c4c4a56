package io.nodesim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.opencsv.ICSVWriter;
import io.nodesim.kernel.SimTime;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cell-by-cell writer must write the bytes opencsv's CSVWriter writes for the same cells as Strings. */
class Rfc4180RowWriterTest {

    private static final String[] TEXTS = {null, "", "plain", "a,b", "say \"hi\"", "\"", "line\nbreak", "cr\rhere",
        ",", "x\"\"y", "ünïcødé", " spaced ", "trailing,"};
    private static final long[] TIMES = {SimTime.NEVER, 0, 1, 499, 500, -499, -500, -1, 999_499, 999_500,
        12_345_678, -12_345_678, 300 * SimTime.SECOND, Long.MAX_VALUE - 1, Long.MIN_VALUE, -Long.MAX_VALUE,
        Long.MAX_VALUE - 500, -Long.MAX_VALUE + 500};

    @Test
    void randomRowsMatchOpencsvByteForByte() throws IOException {
        Random random = new Random(20261201);
        StringWriter expected = new StringWriter();
        StringWriter actual = new StringWriter();
        ICSVWriter reference = Rfc4180.writer(expected);
        Rfc4180.RowWriter rows = Rfc4180.rows(actual);
        // enough rows to drain the buffer many times, with rows that end on either side of it
        for (int r = 0; r < 5_000; r++) {
            List<String> cells = new ArrayList<>();
            int n = 1 + random.nextInt(14);
            for (int c = 0; c < n; c++) {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        String t = TEXTS[random.nextInt(TEXTS.length)];
                        rows.text(t);
                        cells.add(t);
                    }
                    case 1 -> {
                        long t = random.nextBoolean() ? TIMES[random.nextInt(TIMES.length)] : random.nextLong() / 1000;
                        rows.time(t);
                        cells.add(CsvCells.time(t));
                    }
                    default -> {
                        long v = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(1000);
                        rows.integer(v);
                        cells.add(Long.toString(v));
                    }
                }
            }
            rows.end();
            reference.writeNext(cells.toArray(String[]::new), false);
        }
        rows.flush();
        reference.flush();
        assertEquals(expected.toString(), actual.toString());
    }

    @Test
    void aTextCellLongerThanAnyRowBeforeIsWrittenWhole() throws IOException {
        String big = "x,".repeat(10_000);
        StringWriter actual = new StringWriter();
        Rfc4180.RowWriter rows = Rfc4180.rows(actual);
        rows.integer(1).text(big).end();
        rows.flush();
        assertEquals("1,\"" + big + "\"\n", actual.toString());
    }

    @Test
    void eachRowReachesTheWriterWhenItEnds_withoutAFlush() throws IOException {
        StringWriter actual = new StringWriter();
        Rfc4180.RowWriter rows = Rfc4180.rows(actual);
        rows.text("a").integer(1).end();
        rows.text("b,c").time(1_500_000).end();
        assertEquals("a,1\n\"b,c\",1.500\n", actual.toString());
    }

    @Test
    void appendSecondsIsFormatSeconds() {
        for (long t : TIMES) {
            if (t != SimTime.NEVER) {
                assertEquals(SimTime.formatSeconds(t), SimTime.appendSeconds(new StringBuilder("p"), t).substring(1));
            }
        }
        assertEquals("12.346", SimTime.formatSeconds(12_345_678));
        assertEquals("-0.001", SimTime.formatSeconds(-500));
        assertEquals("0.000", SimTime.formatSeconds(-499));
    }
}
