package io.nodesim.nodelifecycle;

import io.nodesim.controllermanager.GoRate;

/**
 * The eviction rate limiter: client-go's {@code flowcontrol.NewTokenBucketRateLimiter(qps, 1)}
 * (a {@code golang.org/x/time/rate} limiter, burst 1, created full), or for a rate of 0
 * {@code flowcontrol.NewFakeNeverRateLimiter()}, which never accepts and whose {@code QPS()}
 * reports 1. The rate is kept as a float32, as the controller passes it, so comparisons and the
 * refill interval carry the same rounding as upstream; the arithmetic is {@link GoRate}'s.
 */
final class TokenBucket {
    private static final float NEVER_REPORTED_QPS = 1f;
    private final float qps;
    private final boolean never;
    private double tokens;
    private long last;

    private TokenBucket(float qps, boolean never, double tokens, long now) {
        this.qps = qps;
        this.never = never;
        this.tokens = tokens;
        this.last = now;
    }

    static TokenBucket create(float qps, long now) {
        return qps <= 0 ? new TokenBucket(0f, true, 0, now) : new TokenBucket(qps, false, 1, now);
    }

    /** What {@code RateLimiter.QPS()} returns: the rate, or 1 for the never-limiter. */
    float reportedQps() {
        return never ? NEVER_REPORTED_QPS : qps;
    }

    /**
     * {@code TryAccept}, which is x/time/rate's {@code AllowN(now, 1)} ({@code reserveN} with no wait
     * allowed): the balance left by the last accepted request plus what accrued since, capped at the
     * burst; accepted when, after taking the token, the wait for the deficit truncates to 0 ns. A refused
     * request changes nothing ({@code reserveN} updates the limiter only when ok), so however often a
     * queue is tried, its balance is computed in one step from the last acceptance, as upstream rounds it.
     */
    boolean tryAccept(long now) {
        if (never) {
            return false;
        }
        double after = GoRate.advance(tokens, last, now, qps, 1) - 1.0;
        if (GoRate.allows(after, qps)) {
            tokens = after;
            last = now;
            return true;
        }
        return false;
    }

    /**
     * {@code RateLimitedTimedQueue.SwapLimiter}: nothing when the reported QPS already equals the
     * new one; otherwise a new limiter, drained at once when the old one had no token (a stopped
     * limiter never has one, so the first action after a resume waits a full 1/qps).
     */
    TokenBucket swap(float newQps, long now) {
        if (reportedQps() == newQps) {
            return this;
        }
        if (newQps <= 0) {
            return create(0f, now);
        }
        TokenBucket next = create(newQps, now);
        if (!tryAccept(now)) {
            next.tryAccept(now);
        }
        return next;
    }
}
