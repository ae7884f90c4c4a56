package io.nodesim.kernel;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A distribution of durations (latencies, start-up times, failure intervals), sampled in
 * microseconds from a caller's stream. Samples are never negative: a normal distribution is
 * truncated at 0 by resampling, the way a latency can never be negative, and its {@link #mean()} is
 * the truncated distribution's mean.
 *
 * <p>The factories mirror the scenario syntax ({@code constant(20ms)}, {@code uniform(10ms, 100ms)},
 * ...); {@link #spec()} gives that syntax back, for {@code explain} and for reports.
 */
public interface DurationDistribution {
    /** One sample in microseconds, drawn from {@code rng}. */
    long sample(RandomGenerator rng);

    /** The mean in microseconds (used by lint and by tests); NaN when unknown. */
    double mean();

    /** The distribution in scenario syntax, with durations in seconds. */
    String spec();

    /** The smallest sample this distribution can give, in microseconds (0 when not known). */
    default long min() {
        return 0;
    }

    /** The largest sample it can give, {@link Long#MAX_VALUE} when unbounded or not known. */
    default long max() {
        return Long.MAX_VALUE;
    }

    static DurationDistribution constant(long micros) {
        requireNonNegative(micros, "constant");
        return new Constant(micros);
    }

    static DurationDistribution uniform(long low, long high) {
        requireNonNegative(low, "uniform low");
        if (high < low) {
            throw new IllegalArgumentException("uniform(a, b) needs a <= b, got " + low + " > " + high + " us");
        }
        return new Uniform(low, high);
    }

    static DurationDistribution exponential(long mean) {
        requirePositive(mean, "exponential mean");
        return new Sampled("exponential(" + s(mean) + ")", mean, rng -> -mean * Math.log(1.0 - rng.nextDouble()));
    }

    static DurationDistribution normal(long mean, long sd) {
        requireNonNegative(mean, "normal mean");
        requireNonNegative(sd, "normal sd");
        return new Sampled("normal(" + s(mean) + ", " + s(sd) + ")", truncatedNormalMean(mean, sd), rng -> {
            if (sd == 0) {
                return mean;
            }
            for (int i = 0; i < 1000; i++) {
                double x = mean + sd * rng.nextGaussian();
                if (x >= 0) {
                    return x;
                }
            }
            return 0;
        });
    }

    /** Log-normal given by its median and the sigma of the underlying normal. */
    static DurationDistribution lognormal(long median, double sigma) {
        requirePositive(median, "lognormal median");
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("lognormal sigma must be a finite number >= 0, got " + sigma);
        }
        double mu = Math.log(median);
        return new Sampled("lognormal(" + s(median) + ", " + sigma + ")", Math.exp(mu + sigma * sigma / 2),
                rng -> Math.exp(mu + sigma * rng.nextGaussian()));
    }

    static DurationDistribution weibull(double shape, long scale) {
        if (!(shape > 0) || !Double.isFinite(shape)) {
            throw new IllegalArgumentException("weibull shape must be > 0, got " + shape);
        }
        requirePositive(scale, "weibull scale");
        WeibullDistribution d = new WeibullDistribution(null, shape, scale);
        return new Sampled("weibull(" + shape + ", " + s(scale) + ")", d.getNumericalMean(),
                rng -> d.inverseCumulativeProbability(rng.nextDouble()));
    }

    static DurationDistribution gamma(double shape, long scale) {
        if (!(shape > 0) || !Double.isFinite(shape)) {
            throw new IllegalArgumentException("gamma shape must be > 0, got " + shape);
        }
        requirePositive(scale, "gamma scale");
        GammaDistribution d = new GammaDistribution(null, shape, scale);
        return new Sampled("gamma(" + shape + ", " + s(scale) + ")", shape * scale,
                rng -> d.inverseCumulativeProbability(rng.nextDouble()));
    }

    /** Resamples the given observations uniformly (an empirical distribution of samples). */
    static DurationDistribution empirical(String source, long[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("empirical distribution " + source + " has no samples");
        }
        long[] copy = samples.clone();
        for (long v : copy) {
            requireNonNegative(v, "empirical sample");
        }
        double mean = Arrays.stream(copy).average().orElse(Double.NaN);
        return new Sampled("empirical(" + source + ")", mean, rng -> copy[rng.nextInt(copy.length)],
                Arrays.stream(copy).min().getAsLong(), Arrays.stream(copy).max().getAsLong());
    }

    private static void requireNonNegative(long v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + v + " us");
        }
    }

    private static void requirePositive(long v, String what) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, got " + v + " us");
        }
    }

    /**
     * The mean of N(mean, sd) conditioned on being >= 0, which is what resampling draws from:
     * mean + sd * phi(a) / (1 - Phi(a)) with a = -mean / sd.
     */
    private static double truncatedNormalMean(long mean, long sd) {
        if (sd == 0) {
            return mean;
        }
        double a = -(double) mean / sd;
        NormalDistribution unit = new NormalDistribution(null, 0, 1);
        return mean + sd * unit.density(a) / unit.cumulativeProbability(-a);
    }

    /** Exact seconds, without trailing zeros: 1500 us gives "0.0015s", 10 s gives "10s". */
    private static String s(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(6).stripTrailingZeros().toPlainString() + "s";
    }

    record Constant(long micros) implements DurationDistribution {
        @Override
        public long sample(RandomGenerator rng) {
            return micros;
        }

        @Override
        public double mean() {
            return micros;
        }

        @Override
        public long min() {
            return micros;
        }

        @Override
        public long max() {
            return micros;
        }

        @Override
        public String spec() {
            return "constant(" + s(micros) + ")";
        }
    }

    record Uniform(long low, long high) implements DurationDistribution {
        @Override
        public long sample(RandomGenerator rng) {
            if (low == high) {
                return low;
            }
            // A double product can round up to the range's width; the clamp keeps high inclusive, not exceeded.
            return Math.min(high, low + (long) Math.floor(rng.nextDouble() * (high - low + 1)));
        }

        @Override
        public double mean() {
            return (low + high) / 2.0;
        }

        @Override
        public long min() {
            return low;
        }

        @Override
        public long max() {
            return high;
        }

        @Override
        public String spec() {
            return "uniform(" + s(low) + ", " + s(high) + ")";
        }
    }

    /** A continuous sampler rounded to whole microseconds. */
    final class Sampled implements DurationDistribution {
        interface Sampler {
            double draw(RandomGenerator rng);
        }

        private final String spec;
        private final double mean;
        private final Sampler sampler;
        private final long min;
        private final long max;

        Sampled(String spec, double mean, Sampler sampler) {
            this(spec, mean, sampler, 0, Long.MAX_VALUE);
        }

        Sampled(String spec, double mean, Sampler sampler, long min, long max) {
            this.spec = Objects.requireNonNull(spec);
            this.mean = mean;
            this.sampler = sampler;
            this.min = min;
            this.max = max;
        }

        @Override
        public long min() {
            return min;
        }

        @Override
        public long max() {
            return max;
        }

        @Override
        public long sample(RandomGenerator rng) {
            return Math.max(0L, Math.round(sampler.draw(rng)));
        }

        @Override
        public double mean() {
            return mean;
        }

        @Override
        public String spec() {
            return spec;
        }

        @Override
        public String toString() {
            return spec;
        }
    }
}
