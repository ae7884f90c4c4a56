package io.nodesim.kernel;

import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Named, independent random streams for one replication.
 *
 * <p>Each component draws from its own stream, named after it ("kubelet.lease", "faults",
 * "scheduler.ties"...). A stream's seed is derived from (scenario seed, replication index, stream
 * name) alone, so adding a component, or one more draw in one component, leaves every other
 * component's numbers unchanged. That is what makes common random numbers work across the points of
 * a sweep: two points that differ only in a timeout see the same failures at the same times.
 *
 * <p>The derivation uses only integer arithmetic (FNV-1a over the UTF-8 name, SplitMix64 finalisers)
 * and the generator is commons-math3's {@link Well19937c}, pure Java with a specified algorithm: the
 * same numbers on every machine and JDK. The generators are commons-math3 {@link RandomGenerator}s,
 * so commons-math3 distributions can sample from them directly.
 */
public final class RandomStreams {
    private final long seed;
    private final int replication;

    public RandomStreams(long seed, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication index must be >= 0, got " + replication);
        }
        this.seed = seed;
        this.replication = replication;
    }

    public long seed() {
        return seed;
    }

    public int replication() {
        return replication;
    }

    /**
     * A new generator for the named stream; two calls with the same name give the same sequence. The
     * Well19937c behind it is seeded at the first draw: a replication asks for a stream per component
     * (about 25), most components of a given scenario never draw, and seeding one costs microseconds.
     */
    public RandomGenerator stream(String name) {
        long state = mix(seed ^ 0x6a09e667f3bcc909L);
        state = mix(state + 0x9e3779b97f4a7c15L * (replication + 1L));
        return new SeededOnFirstDraw(mix(state ^ fnv1a(name)));
    }

    private static Well19937c generator(long state) {
        int[] words = new int[32];
        for (int i = 0; i < words.length; i += 2) {
            state += 0x9e3779b97f4a7c15L;
            long z = mix(state);
            words[i] = (int) z;
            words[i + 1] = (int) (z >>> 32);
        }
        return new Well19937c(words);
    }

    /** The stream's Well19937c, made at the first draw; every draw is the generator's own. */
    private static final class SeededOnFirstDraw implements RandomGenerator {
        private final long state;
        private Well19937c well;

        SeededOnFirstDraw(long state) {
            this.state = state;
        }

        private Well19937c well() {
            if (well == null) {
                well = generator(state);
            }
            return well;
        }

        @Override
        public void setSeed(int seed) {
            well().setSeed(seed);
        }

        @Override
        public void setSeed(int[] seed) {
            well().setSeed(seed);
        }

        @Override
        public void setSeed(long seed) {
            well().setSeed(seed);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            well().nextBytes(bytes);
        }

        @Override
        public int nextInt() {
            return well().nextInt();
        }

        @Override
        public int nextInt(int n) {
            return well().nextInt(n);
        }

        @Override
        public long nextLong() {
            return well().nextLong();
        }

        @Override
        public boolean nextBoolean() {
            return well().nextBoolean();
        }

        @Override
        public float nextFloat() {
            return well().nextFloat();
        }

        @Override
        public double nextDouble() {
            return well().nextDouble();
        }

        @Override
        public double nextGaussian() {
            return well().nextGaussian();
        }
    }

    private static long fnv1a(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: a bijection that spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
