package io.nodesim.scheduler;

import java.util.Arrays;

/**
 * A set of positions {@code 0..n-1} of the scheduler's node ring, read over windows that start
 * anywhere and may wrap past {@code n - 1} to {@code 0}, as the round-robin Filter walk does: the
 * window {@code (from, length)} holds positions {@code from, from+1, ..., n-1, 0, 1, ...},
 * {@code length <= n} of them, in that order. 64 positions per word, position p at bit
 * {@code p & 63} of word {@code p >>> 6}.
 *
 * <p>Each word's population is kept beside it, so a window's whole words are counted with one byte
 * read each: a run starts the JVM with C1 alone, which has no popcount instruction
 * ({@link Long#bitCount} costs about ten times a byte read there), and a cycle of 100,000 nodes
 * counts a few thousand words.
 */
final class RingBits {
    private final long[] bits;
    private final byte[] population;

    RingBits(int positions) {
        int words = (positions + 63) >>> 6;
        bits = new long[words];
        population = new byte[words];
    }

    void add(int p) {
        int w = p >>> 6;
        long bit = 1L << p;
        if ((bits[w] & bit) == 0) {
            bits[w] |= bit;
            population[w]++;
        }
    }

    void remove(int p) {
        int w = p >>> 6;
        long bit = 1L << p;
        if ((bits[w] & bit) != 0) {
            bits[w] &= ~bit;
            population[w]--;
        }
    }

    void clear() {
        Arrays.fill(bits, 0);
        Arrays.fill(population, (byte) 0);
    }

    /** How many positions of the window are set. */
    int count(int from, int length, int n) {
        int end = from + length;
        return end <= n ? count(from, end) : count(from, n) + count(0, end - n);
    }

    /** The first set position of the window in walk order, or -1. */
    int first(int from, int length, int n) {
        return nth(0, from, length, n);
    }

    /** The {@code r}-th (from 0) set position of the window in walk order, or -1 when it holds fewer. */
    int nth(int r, int from, int length, int n) {
        return nth(this, null, null, 0, r, from, length, n);
    }

    /** The number of positions from {@code from} up to and with the {@code k}-th set one, or -1 when fewer are set. */
    int lengthToKth(int from, int k, int n) {
        int p = nth(k - 1, from, n, n);
        return p < 0 ? -1 : p >= from ? p - from + 1 : n - from + p + 1;
    }

    /**
     * {@link #nth} over the union of {@code sets[members[0..count)]}, each word or-ed as the walk
     * reaches it (it stops at the r-th).
     */
    static int nthOfUnion(RingBits[] sets, int[] members, int count, int r, int from, int length, int n) {
        return nth(null, sets, members, count, r, from, length, n);
    }

    /** The r-th set position of the window in {@code single}, or when it is null in the union of the members. */
    private static int nth(RingBits single, RingBits[] sets, int[] members, int count, int r, int from, int length,
            int n) {
        int end = from + length;
        int left = r;
        for (int pass = 0; pass < 2; pass++) {
            int lo = pass == 0 ? from : 0;
            int hi = pass == 0 ? Math.min(end, n) : end - n;
            for (int w = lo >>> 6; lo < hi && w <= (hi - 1) >>> 6; w++) {
                long mask = mask(w, lo, hi);
                int here;
                if (mask == -1L && single != null) {
                    here = single.population[w];
                } else {
                    here = Long.bitCount(word(single, sets, members, count, w) & mask);
                }
                if (left < here) {
                    long word = word(single, sets, members, count, w) & mask;
                    for (int skip = 0; skip < left; skip++) {
                        word &= word - 1;
                    }
                    return (w << 6) + Long.numberOfTrailingZeros(word);
                }
                left -= here;
            }
        }
        return -1;
    }

    private static long word(RingBits single, RingBits[] sets, int[] members, int count, int w) {
        if (single != null) {
            return single.bits[w];
        }
        long word = 0;
        for (int m = 0; m < count; m++) {
            word |= sets[members[m]].bits[w];
        }
        return word;
    }

    private int count(int lo, int hi) {
        if (lo >= hi) {
            return 0;
        }
        int first = lo >>> 6;
        int last = (hi - 1) >>> 6;
        if (first == last) {
            return Long.bitCount(bits[first] & mask(first, lo, hi));
        }
        int count = Long.bitCount(bits[first] & mask(first, lo, hi)) + Long.bitCount(bits[last] & mask(last, lo, hi));
        for (int w = first + 1; w < last; w++) {
            count += population[w];
        }
        return count;
    }

    /** The bits of word {@code w} that lie in {@code [lo, hi)}. */
    private static long mask(int w, int lo, int hi) {
        long mask = -1L;
        int start = w << 6;
        if (lo > start) {
            mask &= -1L << (lo - start);
        }
        if (hi < start + 64) {
            mask &= (1L << (hi - start)) - 1;
        }
        return mask;
    }
}
