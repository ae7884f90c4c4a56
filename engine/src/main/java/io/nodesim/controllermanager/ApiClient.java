package io.nodesim.controllermanager;

/**
 * One kube-controller-manager client and its request limiter. {@code ClientBuilder.ClientOrDie(name)}
 * (cmd/kube-controller-manager/app) builds a new clientset per call from the same rest config, and
 * {@code kubernetes.NewForConfig} gives each one its own
 * {@code flowcontrol.NewTokenBucketRateLimiter(kube-api-qps, kube-api-burst)}: a
 * {@code golang.org/x/time/rate} limiter, created full, whose {@code Wait} reserves a token at
 * once (the balance may go negative) and sleeps until it is due. Requests are therefore served
 * first come, first served at {@code qps} once the {@code burst} is spent, and a request waits
 * behind every request reserved before it, whichever loop of the controller sent it.
 *
 * <p>Time is kept in microseconds; the balance is a double (as rate.Limiter's float64 tokens).
 */
public final class ApiClient {
    private final double qps;
    private final int burst;
    private double tokens;
    private long last = Long.MIN_VALUE;

    /**
     * @param qps {@code --kube-api-qps} (requests per second, > 0)
     * @param burst {@code --kube-api-burst} (>= 1)
     */
    public ApiClient(double qps, int burst) {
        if (!(qps > 0) || burst < 1) {
            throw new IllegalArgumentException("kube-api-qps must be > 0 and kube-api-burst >= 1");
        }
        this.qps = qps;
        this.burst = burst;
        this.tokens = burst;
    }

    /**
     * Reserves {@code requests} sequential requests at {@code now} (a GET and its PATCH are two);
     * returns when the last of them is sent: {@code now} when the bucket holds enough tokens.
     */
    public long send(long now, int requests) {
        if (now < last) {
            throw new IllegalArgumentException("a request reserved at " + now + " us, after one at " + last
                    + " us: the limiter's clock only goes forward");
        }
        if (now > last) {
            if (last != Long.MIN_VALUE) {
                tokens = Math.min(burst, tokens + (now - last) * qps / 1_000_000.0);
            }
            last = now;
        }
        tokens -= requests;
        if (tokens >= 0) {
            return now;
        }
        return now + (long) Math.ceil(-tokens * 1_000_000.0 / qps);
    }

    /**
     * When the requests waiting for a token have all been sent: when the last one reserved is due, or
     * {@link Long#MIN_VALUE} when none has had to wait since the bucket last had tokens to spare.
     */
    public long busyUntil() {
        if (last == Long.MIN_VALUE || tokens >= 0) {
            return Long.MIN_VALUE;
        }
        return last + (long) Math.ceil(-tokens * 1_000_000.0 / qps);
    }

    /** A new process: a new client with a full bucket. */
    public void reset() {
        tokens = burst;
        last = Long.MIN_VALUE;
    }
}
