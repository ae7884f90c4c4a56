package io.nodesim.reports.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StepFunctionTest {
    private static final long S = 1_000_000; // one second in microseconds

    @Test
    void onePointPerInstant_netChangeOfEqualTimes_endPointAdded() {
        StepFunction f = new StepFunction();
        f.change(5 * S, 1);
        f.change(2 * S, 1);
        f.change(5 * S, -1);
        f.change(5 * S, 1);
        f.change(SimTime.NEVER, 7);
        Series s = f.toSeries("n", 10, 0, 10 * S, 100);
        assertArrayEquals(new double[] {0, 2, 5, 10}, s.x());
        assertArrayEquals(new double[] {10, 11, 12, 12}, s.y());
    }

    @Test
    void changesBeforeTheStartFold_aChangeAtTheStartIsAStep_laterOnesAreDropped() {
        StepFunction f = new StepFunction();
        f.change(1 * S, 3);
        f.change(4 * S, -1);
        f.change(9 * S, 1);
        f.change(12 * S, 5);
        Series s = f.toSeries("n", 0, 4 * S, 9 * S, 100);
        assertArrayEquals(new double[] {4, 4, 9}, s.x());
        assertArrayEquals(new double[] {3, 2, 3}, s.y());
    }

    @Test
    void noChange_startAndEnd() {
        Series s = new StepFunction().toSeries("n", 4, 0, 3 * S, 100);
        assertArrayEquals(new double[] {0, 3}, s.x());
        assertArrayEquals(new double[] {4, 4}, s.y());
    }

    @Test
    void tooManyInstants_sampledOnARegularGrid() {
        StepFunction f = new StepFunction();
        for (int i = 1; i <= 100; i++) {
            f.change(i * S, 1);
        }
        Series s = f.toSeries("n", 0, 0, 100 * S, 11);
        assertEquals(11, s.x().length);
        for (int k = 0; k <= 10; k++) {
            assertEquals(10.0 * k, s.x()[k], 1e-9);
            assertEquals(10.0 * k, s.y()[k], 1e-9, "every change at or before the grid time counts");
        }
    }

    /** Against the definition: the count at an instant is the base plus every change at or before it. */
    @Test
    void randomChanges_everyPointIsTheCountAtItsTime() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            StepFunction f = new StepFunction();
            int n = random.nextInt(60);
            long[] t = new long[n];
            int[] d = new int[n];
            for (int i = 0; i < n; i++) {
                t[i] = random.nextInt(30) * S;
                d[i] = random.nextInt(7) - 3;
                f.change(t[i], d[i]);
            }
            long start = random.nextInt(10) * S;
            long end = start + (1 + random.nextInt(25)) * S;
            Series s = f.toSeries("n", 5, start, end, 2 + random.nextInt(40));
            double[] x = s.x();
            double[] y = s.y();
            assertEquals(start / 1e6, x[0], 1e-9);
            assertEquals(end / 1e6, x[x.length - 1], 1e-9);
            for (int k = 1; k < x.length; k++) {
                assertTrue(x[k] >= x[k - 1]);
                long at = Math.round(x[k] * 1e6);
                int count = 5;
                for (int i = 0; i < n; i++) {
                    if (t[i] <= at) {
                        count += d[i];
                    }
                }
                assertEquals(count, y[k], 1e-9, "round " + round + " point " + k);
            }
        }
    }
}
