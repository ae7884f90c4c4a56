package io.nodesim.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RingBits} against a position-by-position walk of the same ring: rings of 1 to 300 positions
 * (within one word, across word boundaries, not a multiple of 64), windows that wrap, every rank.
 */
class RingBitsTest {

    @Test
    void windowsAroundTheRing_countAndRankAsAWalkDoes() {
        Random rnd = new Random(64);
        for (int trial = 0; trial < 3_000; trial++) {
            int n = 1 + rnd.nextInt(300);
            boolean[] set = new boolean[n];
            long[] bits = new long[(n + 63) >>> 6];
            int density = 1 + rnd.nextInt(10);
            for (int p = 0; p < n; p++) {
                if (rnd.nextInt(density) == 0) {
                    set[p] = true;
                    bits[p >>> 6] |= 1L << p;
                }
            }
            int from = rnd.nextInt(n);
            int length = rnd.nextInt(n + 1);
            int walked = 0;
            int[] ranked = new int[n];
            for (int i = 0; i < length; i++) {
                int p = (from + i) % n;
                if (set[p]) {
                    ranked[walked++] = p;
                }
            }
            String where = "n=" + n + " from=" + from + " length=" + length;
            assertEquals(walked, RingBits.count(bits, from, length, n), where);
            assertEquals(walked == 0 ? -1 : ranked[0], RingBits.first(bits, from, length, n), where);
            // the same set split in two: their union ranks alike
            long[][] halves = {new long[bits.length], new long[bits.length]};
            for (int w = 0; w < bits.length; w++) {
                long some = rnd.nextLong();
                halves[0][w] = bits[w] & some;
                halves[1][w] = bits[w] & ~some;
            }
            for (int r = 0; r <= walked; r++) {
                int expected = r < walked ? ranked[r] : -1;
                assertEquals(expected, RingBits.nth(bits, r, from, length, n), where + " r=" + r);
                assertEquals(expected, RingBits.nthOfUnion(halves, new int[] {1, 0}, 2, r, from, length, n),
                        where + " union r=" + r);
            }
            int total = RingBits.count(bits, from, n, n);
            for (int k = 1; k <= total + 1; k++) {
                int seen = 0;
                int expected = -1;
                for (int i = 0; i < n && expected < 0; i++) {
                    if (set[(from + i) % n] && ++seen == k) {
                        expected = i + 1;
                    }
                }
                assertEquals(expected, RingBits.lengthToKth(bits, from, k, n), where + " k=" + k);
            }
        }
    }
}
