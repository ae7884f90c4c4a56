package io.nodesim.scheduler;

import java.util.Arrays;
import org.apache.commons.math3.random.AbstractRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The scheduler's "scheduler.ties" stream, noting the bound of each {@code nextInt(bound)} (the
 * scheduler's only use of it) while the t = 0 placement is {@link PlacementMemo remembered}: the
 * same calls on a fresh stream leave it in the same state.
 */
final class TieDraws extends AbstractRandomGenerator {
    private final RandomGenerator stream;
    private int[] bounds = new int[64];
    private int count;
    private boolean noting = true;

    TieDraws(RandomGenerator stream) {
        this.stream = stream;
    }

    /** The bounds drawn so far; nothing is noted after this. */
    int[] stopNoting() {
        noting = false;
        return Arrays.copyOf(bounds, count);
    }

    /** Draws as the noted placement drew, so the stream continues where it left off. */
    static void replay(RandomGenerator stream, int[] bounds) {
        for (int bound : bounds) {
            stream.nextInt(bound);
        }
    }

    @Override
    public int nextInt(int n) {
        if (noting) {
            if (count == bounds.length) {
                bounds = Arrays.copyOf(bounds, count * 2);
            }
            bounds[count++] = n;
        }
        return stream.nextInt(n);
    }

    /** Every other draw of {@link AbstractRandomGenerator} comes through here; a replay notes bounded ints only. */
    @Override
    public double nextDouble() {
        throw new UnsupportedOperationException("the scheduler draws its ties with nextInt(bound) only");
    }

    @Override
    public void setSeed(long seed) {
        throw new UnsupportedOperationException("the scheduler never reseeds its stream");
    }
}
