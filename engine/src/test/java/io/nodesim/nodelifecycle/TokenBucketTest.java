package io.nodesim.nodelifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
