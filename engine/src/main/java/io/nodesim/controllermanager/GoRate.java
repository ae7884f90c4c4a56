package io.nodesim.controllermanager;

/**
 * The arithmetic of {@code golang.org/x/time/rate}'s {@code Limiter} as client-go's
 * {@code flowcontrol} token buckets use it ({@code TryAccept} is {@code AllowN(now, 1)}): the
 * balance left by the last accepted request plus what accrued since ({@code advance}:
 * {@code Duration.Seconds() * limit}, capped at the burst), and {@code reserveN}'s verdict with no
 * wait allowed. A refused request changes nothing ({@code reserveN} updates the limiter only when
 * ok). The arithmetic is x/time/rate's since its 2021 rewrite; the older x/time that the earliest
 * profiles' releases vendored capped the elapsed time instead, which differs from it only at
 * nanosecond edges that the simulation's microsecond clock does not reach.
 */
public final class GoRate {
    private GoRate() {
    }

    /** {@code advance}: the balance at {@code now} of one that was {@code tokens} at {@code last}. */
    public static double advance(double tokens, long last, long now, double limit, int burst) {
        return now > last ? Math.min(burst, tokens + seconds(now - last) * limit) : tokens;
    }

    /**
     * Whether a request that leaves {@code after} tokens is accepted at once: it is when the wait
     * for the deficit ({@code durationFromTokens}: (tokens / limit) * 1e9 ns, truncated toward zero
     * by {@code time.Duration(...)}) is 0 ns.
     */
    public static boolean allows(double after, double limit) {
        return after >= 0 || (long) (-after / limit * 1e9) == 0;
    }

    /** Go's {@code Duration.Seconds()} of a span given in microseconds: whole seconds plus nanoseconds / 1e9. */
    public static double seconds(long micros) {
        return (double) (micros / 1_000_000) + (double) (micros % 1_000_000 * 1000) / 1e9;
    }
}
