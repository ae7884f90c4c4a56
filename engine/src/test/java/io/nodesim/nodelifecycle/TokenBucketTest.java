package io.nodesim.nodelifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.controllermanager.GoRate;
import io.nodesim.kernel.SimTime;
import org.junit.jupiter.api.Test;

/** client-go's token bucket (burst 1) and RateLimitedTimedQueue.SwapLimiter. */
class TokenBucketTest {
    private static final long T0 = SimTime.seconds(100);

    @Test
    void startsFull_thenOneTokenPerInterval() {
        TokenBucket b = TokenBucket.create(0.1f, T0);
        assertTrue(b.tryAccept(T0));
        assertFalse(b.tryAccept(T0 + SimTime.seconds(9)));
        // 1/0.1f is 9.99999985 s: float32 rounding, as upstream.
        assertTrue(b.tryAccept(T0 + SimTime.seconds(10)));
        assertFalse(b.tryAccept(T0 + SimTime.seconds(10)));
    }

    /**
     * x/time/rate's reserveN updates the limiter only when the request is accepted: a queue tried every
     * 100 ms until it is accepted and one tried only then leave the limiter in the same state, so they
     * accept and refuse alike from then on.
     */
    @Test
    void refusedTriesChangeNothing() {
        for (float qps : new float[] {0.1f, 0.01f, 0.33f, 3f}) {
            TokenBucket polled = TokenBucket.create(qps, T0);
            TokenBucket once = TokenBucket.create(qps, T0);
            assertTrue(polled.tryAccept(T0));
            assertTrue(once.tryAccept(T0));
            long t = T0;
            do {
                t += 100 * SimTime.MILLISECOND;
            } while (!polled.tryAccept(t));
            assertTrue(once.tryAccept(t), "qps " + qps);
            for (long next = t + 1; next < t + SimTime.seconds(200); next += 997) {
                assertEquals(polled.tryAccept(next), once.tryAccept(next), "qps " + qps + " at " + next);
            }
        }
    }

    /**
     * At 1 node/s, tried every 100 ms (the tainting loop's period), the next token comes exactly 1 s
     * after the last: a limiter that added 0.1 token per refused try would reach only
     * 0.9999999999999999 after ten of them and accept 100 ms late (and so at 0.125/s, 8.1 s instead of 8 s).
     */
    @Test
    void triedEveryPeriod_theTokenComesOnTime() {
        for (float qps : new float[] {1f, 0.125f}) {
            TokenBucket b = TokenBucket.create(qps, T0);
            assertTrue(b.tryAccept(T0));
            long t = T0;
            do {
                t += 100 * SimTime.MILLISECOND;
            } while (!b.tryAccept(t));
            assertEquals(T0 + Math.round(SimTime.SECOND / qps), t, "qps " + qps);
        }
    }

    /**
     * Elapsed time becomes tokens as Duration.Seconds() * float64(limit): at the secondary rate
     * (float32 0.01 is 0.0099999998), 100 s after a token the balance is 0.99999998 and the wait for the
     * rest (2.2 µs) is not zero, so the first acceptance comes 3 µs later.
     */
    @Test
    void elapsedTimeAccruesAsGoRoundsIt() {
        TokenBucket b = TokenBucket.create(0.01f, T0);
        assertTrue(b.tryAccept(T0));
        assertFalse(b.tryAccept(T0 + SimTime.seconds(100)));
        assertFalse(b.tryAccept(T0 + SimTime.seconds(100) + 2));
        assertTrue(b.tryAccept(T0 + SimTime.seconds(100) + 3));
        assertEquals(1.5, GoRate.seconds(1_500_000));
        assertEquals(100.000003, GoRate.seconds(100_000_003));
    }

    @Test
    void burstIsOne_idleTimeDoesNotAccumulate() {
        TokenBucket b = TokenBucket.create(0.1f, T0);
        assertTrue(b.tryAccept(T0 + SimTime.MINUTE * 10));
        assertFalse(b.tryAccept(T0 + SimTime.MINUTE * 10 + SimTime.SECOND));
    }

    @Test
    void swapFromStoppedLimiter_firstTokenAfterOneInterval() {
        TokenBucket stopped = TokenBucket.create(0.1f, T0).swap(0f, T0);
        assertFalse(stopped.tryAccept(T0 + SimTime.HOUR));
        TokenBucket resumed = stopped.swap(0.1f, T0 + SimTime.HOUR);
        assertFalse(resumed.tryAccept(T0 + SimTime.HOUR));
        assertTrue(resumed.tryAccept(T0 + SimTime.HOUR + SimTime.seconds(10)));
    }

    @Test
    void swapFromLimiterWithToken_newOneStartsFull() {
        TokenBucket full = TokenBucket.create(0.1f, T0);
        TokenBucket slower = full.swap(0.01f, T0 + SimTime.SECOND);
        assertTrue(slower.tryAccept(T0 + SimTime.SECOND));
    }

    @Test
    void sameQps_noSwap() {
        TokenBucket b = TokenBucket.create(0.1f, T0);
        assertSame(b, b.swap(0.1f, T0));
    }

    @Test
    void neverLimiterReportsQpsOne_soResumingAtExactlyOneIsANoOp() {
        TokenBucket stopped = TokenBucket.create(0f, T0);
        assertEquals(1f, stopped.reportedQps());
        TokenBucket stillStopped = stopped.swap(1f, T0);
        assertSame(stopped, stillStopped);
        assertFalse(stillStopped.tryAccept(T0 + SimTime.HOUR));
    }
}
