package io.nodesim.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RingBits} against a position-by-position walk of the same ring: rings of 1 to 1,000 positions
 * (within one word, across word boundaries, not a multiple of 64, many whole words counted by their
 * kept population), windows that wrap, every rank, and sets whose positions were removed again.
 */
class RingBitsTest {

    @Test
    void windowsAroundTheRing_countAndRankAsAWalkDoes() {
        Random rnd = new Random(64);
        for (int trial = 0; trial < 3_000; trial++) {
            int n = 1 + rnd.nextInt(trial % 3 == 0 ? 1_000 : 300);
            boolean[] set = new boolean[n];
            RingBits bits = new RingBits(n);
            // the same set split in two: their union ranks alike
            RingBits[] halves = {new RingBits(n), new RingBits(n)};
            int density = 1 + rnd.nextInt(10);
            for (int p = 0; p < n; p++) {
                // some positions are added and removed again, some twice: the kept populations must follow
                if (rnd.nextInt(4) == 0) {
                    bits.add(p);
                    halves[p % 2].add(p);
                    bits.add(p);
                    bits.remove(p);
                    halves[p % 2].remove(p);
                }
                if (rnd.nextInt(density) == 0) {
                    set[p] = true;
                    bits.add(p);
                    bits.add(p);
                    halves[rnd.nextInt(2)].add(p);
                }
            }
            if (trial % 100 == 0) {
                RingBits emptied = new RingBits(n);
                for (int p = 0; p < n; p++) {
                    emptied.add(p);
                }
                emptied.clear();
                assertEquals(0, emptied.count(0, n, n));
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
            assertEquals(walked, bits.count(from, length, n), where);
            assertEquals(walked == 0 ? -1 : ranked[0], bits.first(from, length, n), where);
            for (int r = 0; r <= walked; r++) {
                int expected = r < walked ? ranked[r] : -1;
                assertEquals(expected, bits.nth(r, from, length, n), where + " r=" + r);
                assertEquals(expected, RingBits.nthOfUnion(halves, new int[] {1, 0}, 2, r, from, length, n),
                        where + " union r=" + r);
            }
            int total = bits.count(from, n, n);
            for (int k = 1; k <= total + 1; k++) {
                int seen = 0;
                int expected = -1;
                for (int i = 0; i < n && expected < 0; i++) {
                    if (set[(from + i) % n] && ++seen == k) {
                        expected = i + 1;
                    }
                }
                assertEquals(expected, bits.lengthToKth(from, k, n), where + " k=" + k);
            }
        }
    }
}
