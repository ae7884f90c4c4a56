package io.nodesim.scheduler;

/**
 * Bit sets over the positions {@code 0..n-1} of the scheduler's node ring, read over windows that
 * start anywhere and may wrap past {@code n - 1} to {@code 0}, as the round-robin Filter walk does:
 * the window {@code (from, length)} holds positions {@code from, from+1, ..., n-1, 0, 1, ...},
 * {@code length <= n} of them, in that order. 64 positions per word, position p at bit
 * {@code p & 63} of word {@code p >>> 6}.
 */
final class RingBits {
    private RingBits() {
    }

    /** How many positions of the window are set. */
    static int count(long[] bits, int from, int length, int n) {
        int end = from + length;
        return end <= n ? count(bits, from, end) : count(bits, from, n) + count(bits, 0, end - n);
    }

    /** The first set position of the window in walk order, or -1. */
    static int first(long[] bits, int from, int length, int n) {
        return nth(bits, 0, from, length, n);
    }

    /** The {@code r}-th (from 0) set position of the window in walk order, or -1 when it holds fewer. */
    static int nth(long[] bits, int r, int from, int length, int n) {
        return nth(bits, null, null, 0, r, from, length, n);
    }

    /**
     * {@link #nth} over the union of {@code sets[members[0..count)]}, each word or-ed as the walk
     * reaches it (it stops at the r-th).
     */
    static int nthOfUnion(long[][] sets, int[] members, int count, int r, int from, int length, int n) {
        return nth(null, sets, members, count, r, from, length, n);
    }

    private static int nth(long[] bits, long[][] sets, int[] members, int count, int r, int from, int length, int n) {
        int end = from + length;
        int left = r;
        for (int pass = 0; pass < 2; pass++) {
            int lo = pass == 0 ? from : 0;
            int hi = pass == 0 ? Math.min(end, n) : end - n;
            for (int w = lo >>> 6; lo < hi && w <= (hi - 1) >>> 6; w++) {
                long word = 0;
                if (bits != null) {
                    word = bits[w];
                } else {
                    for (int m = 0; m < count; m++) {
                        word |= sets[members[m]][w];
                    }
                }
                word &= mask(w, lo, hi);
                int here = Long.bitCount(word);
                if (left < here) {
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

    /** The number of positions from {@code from} up to and with the {@code k}-th set one, or -1 when fewer are set. */
    static int lengthToKth(long[] bits, int from, int k, int n) {
        int p = nth(bits, k - 1, from, n, n);
        return p < 0 ? -1 : p >= from ? p - from + 1 : n - from + p + 1;
    }

    private static int count(long[] bits, int lo, int hi) {
        int count = 0;
        for (int w = lo >>> 6; lo < hi && w <= (hi - 1) >>> 6; w++) {
            count += Long.bitCount(bits[w] & mask(w, lo, hi));
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
