package io.nodesim.controllermanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** x/time/rate's arithmetic as flowcontrol's token buckets use it. */
class GoRateTest {
    /**
     * reserveN accepts a request whose deficit waits less than a nanosecond ({@code time.Duration}
     * truncates the float toward zero), as float rounding leaves after many refills: at 20 qps a
     * deficit of 1e-12 tokens is a 0.05 ps wait.
     */
    @Test
    void aDeficitShorterThanANanosecondIsAccepted_aLongerOneIsNot() {
        assertTrue(GoRate.allows(0, 20));
        assertTrue(GoRate.allows(-1e-12, 20));
        assertTrue(GoRate.allows(-19e-9, 20), "0.95 ns, truncated to 0");
        assertFalse(GoRate.allows(-21e-9, 20), "1.05 ns");
        assertFalse(GoRate.allows(-1e-6, 1f / 300f));
    }

    @Test
    void advance_addsTheElapsedSecondsTimesTheLimit_cappedAtTheBurst() {
        assertEquals(0.5, GoRate.advance(0, 0, 25_000, 20, 30), 1e-12, "25 ms at 20/s");
        assertEquals(30, GoRate.advance(29, 0, 1_000_000, 20, 30), 0, "capped");
        assertEquals(3, GoRate.advance(3, 500, 400, 20, 30), 0, "no time back");
    }

    @Test
    void seconds_isWholeSecondsPlusNanosecondsOverABillion() {
        assertEquals(1.000_001, GoRate.seconds(1_000_001), 0);
        assertEquals(86_400.25, GoRate.seconds(86_400_250_000L), 0);
    }
}
