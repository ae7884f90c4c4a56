package io.nodesim.kubelet;

import org.apache.commons.math3.random.AbstractRandomGenerator;

/**
 * A stateless, counter-based random source: {@link #reset(long, int, int, int)} positions it at a
 * key derived from (stream seed, node, epoch, k) with SplitMix64, so the k-th heartbeat of a node
 * gets the same numbers whichever order the heartbeats are evaluated in, and whichever sweep point
 * is run (common random numbers). Draws after a reset continue the SplitMix64 sequence, which lets a
 * distribution consume several numbers (a reset also drops the Gaussian deviate
 * {@link AbstractRandomGenerator#nextGaussian} keeps). Reused, never allocated per draw.
 */
public final class CounterRandom extends AbstractRandomGenerator {
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    private final long streamSeed;
    private long state;
    /** The key of the last (node, epoch): a node's heartbeats are drawn in runs, so it is reused. */
    private int keyNode = -1;
    private int keyEpoch;
    private long key;

    public CounterRandom(long streamSeed) {
        this.streamSeed = streamSeed;
    }

    /** Positions the generator at the draw {@code purpose} of heartbeat k of (node, epoch). */
    public CounterRandom reset(long k, int node, int epoch, int purpose) {
        if (node != keyNode || epoch != keyEpoch) {
            keyNode = node;
            keyEpoch = epoch;
            key = mix(streamSeed ^ mix(node * GOLDEN + epoch));
        }
        state = mix(key + k * 0xd1b54a32d192ed03L + purpose * 0xabc98388fb8fac03L);
        // nextGaussian keeps the second deviate of each pair for the next call: one left over from
        // another key would make a normal or lognormal draw depend on the order of evaluation.
        clear();
        return this;
    }

    /**
     * The first {@link #nextDouble} after {@code reset(k, node, epoch, purpose)}, without moving
     * this generator: for loops that draw one number per heartbeat.
     */
    public double firstDouble(long k, int node, int epoch, int purpose) {
        if (node != keyNode || epoch != keyEpoch) {
            keyNode = node;
            keyEpoch = epoch;
            key = mix(streamSeed ^ mix(node * GOLDEN + epoch));
        }
        return (mix(mix(key + k * 0xd1b54a32d192ed03L + purpose * 0xabc98388fb8fac03L) + GOLDEN) >>> 11) * 0x1.0p-53;
    }

    @Override
    public void setSeed(long seed) {
        state = mix(seed);
        clear();
    }

    @Override
    public double nextDouble() {
        state += GOLDEN;
        return (mix(state) >>> 11) * 0x1.0p-53;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
