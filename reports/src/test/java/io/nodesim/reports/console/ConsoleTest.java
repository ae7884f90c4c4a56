package io.nodesim.reports.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.reports.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleTest {
    @Test
    void summaryTable_alignedColumns_dashForUndefined() {
        assertEquals("""
                metric                count      p50      p90      p99      max
                time_to_unknown           1   45.123   45.123   45.123   45.123
                time_to_pod_deletion      2  345.211  345.211  345.211  345.211
                false_evictions           1    0.000    0.000    0.000    0.000
                """, SummaryTable.format(Fixtures.tinySummaries()));
        assertEquals("metric  count  p50  p90  p99  max\n", SummaryTable.format(List.of()));
        assertTrue(SummaryTable.format(List.of(new io.nodesim.metrics.MetricSummary("x", 0, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)))
                .endsWith("x           0    -    -    -    -\n"));
    }

    @Test
    void progress_isSilentWhenNotATerminal() {
        // surefire's forked JVM has no console, so this is the quiet instance a pipe or CI log gets
        try (Progress p = Progress.start("replications", 3)) {
            p.step();
            p.step();
            assertEquals(2, p.done());
        }
    }

    @Test
    void progress_silentDuringTheFirstSecond_thenDraws_thenEndsTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicLong now = new AtomicLong(0);
        Progress p = new Progress("replications", 4, out, now::get);
        p.step();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "quick work prints nothing");
        now.set(Progress.QUIET_NANOS + 1);
        p.step();
        assertEquals("\rreplications [###############               ] 2/4  50%", bytes.toString(StandardCharsets.UTF_8));
        now.addAndGet(Progress.REDRAW_NANOS / 2);
        p.step();
        assertEquals(1, bytes.toString(StandardCharsets.UTF_8).split("\r", -1).length - 1, "redraws are throttled");
        p.step();
        p.close();
        String all = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(all.endsWith("\rreplications [##############################] 4/4 100%\n"), all);
        p.close();
        assertEquals(all, bytes.toString(StandardCharsets.UTF_8), "close is idempotent");
    }

    @Test
    void progress_thatNeverDrewPrintsNothingOnClose() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress("sweep", 10, new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> 0L);
        p.step();
        p.close();
        assertEquals(0, bytes.size());
    }
}
