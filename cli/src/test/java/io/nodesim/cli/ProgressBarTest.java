package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void sweep_showsPointsAndReplications_endsWithNewline() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), slowClock());
        bar.pointsDone(1, 3);
        bar.replicationsDone(1, 4);
        bar.replicationsDone(2, 4);
        bar.pointsDone(2, 3);
        bar.replicationsDone(4, 4);
        bar.pointsDone(3, 3);
        String dots = ".".repeat(30);
        assertEquals("\r[" + "#".repeat(7) + dots.substring(7) + "] 1/3 points, 1/4 replications"
                + "\r[" + "#".repeat(15) + dots.substring(15) + "] 1/3 points, 2/4 replications"
                + "\r[" + "#".repeat(30) + "] 2/3 points, 4/4 replications"
                + "\r[" + "#".repeat(30) + "] 3/3 points" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void replicationsAlone_showNoPointCount() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), slowClock());
        bar.replicationsDone(1, 2);
        bar.replicationsDone(2, 2);
        assertEquals("\r[" + "#".repeat(15) + ".".repeat(15) + "] 1/2 replications"
                + "\r[" + "#".repeat(30) + "] 2/2 replications" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void workEndingWithinASecond_drawsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> 0L);
        bar.replicationsDone(1, 2);
        bar.replicationsDone(2, 2);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    /** A clock on which every reading is a second later than the one before: every draw is past the quiet time. */
    private static java.util.function.LongSupplier slowClock() {
        long[] t = {0};
        return () -> t[0] += ProgressBar.QUIET_NANOS;
    }
}
