package io.nodesim.scheduler;

import java.util.Arrays;

/**
 * One template's nodes by class of score, in node-tree order: per position, -1 where the node-local
 * filters reject the node, else the class of its {@link ScorePlugins#classKey} (nodes of a class get
 * the same total in any cycle that finds them feasible), with a bit set per class and per feasible
 * position. Kept current change by change ({@link SchedulerCache#touchedAt}), so a cycle counts the
 * feasible nodes of each class in its window with a few population counts and scores each class once
 * ({@link ClassedCycle}).
 *
 * <p>Classes are never removed: once most of them are empty the index is rebuilt.
 */
final class ScoreClasses {
    /** The {@link NodeResultCache.Way#epoch} it was built for: another template's way rebuilds it. */
    long epoch;
    /** {@link SchedulerCache#generation()} up to which every change is classed. */
    long seen;
    private final int[] classAt;
    private final RingBits feasible;
    private int feasibleCount;
    private final int width;
    /** Class c's key at {@code [c·width, (c+1)·width)}. */
    private long[] keys;
    private RingBits[] bits = new RingBits[16];
    private int[] population = new int[16];
    private int classes;
    private int nonEmpty;
    /** Open addressing over the keys: class + 1, 0 when free. */
    private int[] table;
    /** Per key part: whether some node's plugin could not class it (-1). */
    private final boolean[] unclassed;
    // one cycle's classes, in the order met
    private int[] stampOf = new int[16];
    private int[] presentIndex = new int[16];
    private int stamp;
    private int[] present = new int[16];
    private int[] representatives = new int[16];
    private int[] multiplicity = new int[16];
    private int presentCount;
    private boolean[] top = new boolean[16];
    /** The classes met this cycle that share the top total. */
    private int[] topClasses = new int[16];

    /**
     * Classes that get bits: each costs positions / 8 bytes (and a byte per 64 positions), so with nodes of many shapes (nearly a
     * class per node) the bits would outgrow the heap; past this the cycle reads each position's class.
     */
    static final int BIT_CLASSES = 256;
    private boolean bitsKept = true;

    ScoreClasses(long epoch, int positions, int width) {
        this.epoch = epoch;
        this.classAt = new int[positions];
        Arrays.fill(classAt, -1);
        this.feasible = new RingBits(positions);
        this.width = width;
        this.unclassed = new boolean[width];
        keys = new long[16 * width];
        table = new int[64];
    }

    /**
     * Empty again, for the way's template at {@code epoch}: every node to be classed anew. The class
     * bits already made are kept for the new classes, so a rebuild allocates nothing.
     */
    void reset(long epoch) {
        this.epoch = epoch;
        Arrays.fill(classAt, -1);
        feasible.clear();
        feasibleCount = 0;
        Arrays.fill(population, 0, classes, 0);
        classes = 0;
        nonEmpty = 0;
        Arrays.fill(table, 0);
        Arrays.fill(unclassed, false);
        bitsKept = true;
    }

    /** How many node positions it covers. */
    int positions() {
        return classAt.length;
    }

    /** The node at {@code position} is now of class {@code c} (-1: the filters reject it). */
    void set(int position, int c) {
        int old = classAt[position];
        if (old == c) {
            return;
        }
        if (old >= 0) {
            if (bitsKept) {
                bits[old].remove(position);
            }
            if (--population[old] == 0) {
                nonEmpty--;
            }
        } else {
            feasible.add(position);
            feasibleCount++;
        }
        if (c >= 0) {
            if (bitsKept) {
                bits[c].add(position);
            }
            if (population[c]++ == 0) {
                nonEmpty++;
            }
        } else {
            feasible.remove(position);
            feasibleCount--;
        }
        classAt[position] = c;
    }

    /** Whether every class has its bits ({@link #meetWindow} and {@link #nthTop} need them). */
    boolean bitsKept() {
        return bitsKept;
    }

    int classAt(int position) {
        return classAt[position];
    }

    /** The class with this key, added when new. */
    int classOf(long[] key) {
        for (int j = 1; j < width; j++) {
            if (key[j] == -1) {
                unclassed[j] = true;
            }
        }
        int mask = table.length - 1;
        int h = hash(key) & mask;
        while (table[h] != 0) {
            int c = table[h] - 1;
            if (Arrays.equals(keys, c * width, c * width + width, key, 0, width)) {
                return c;
            }
            h = (h + 1) & mask;
        }
        int c = classes++;
        if (keys.length < classes * width) {
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
        if (bits.length < classes) {
            bits = Arrays.copyOf(bits, bits.length * 2);
            population = Arrays.copyOf(population, bits.length);
        }
        if (c < BIT_CLASSES) {
            if (bits[c] == null) {
                bits[c] = new RingBits(classAt.length);
            } else {
                bits[c].clear();
            }
        } else if (bitsKept) {
            bitsKept = false;
            Arrays.fill(bits, null);
        }
        System.arraycopy(key, 0, keys, c * width, width);
        table[h] = c + 1;
        if (classes * 2 > table.length) {
            rehash();
        }
        return c;
    }

    /** Classes ever made, and those some node has now: many more of the first, and it is rebuilt. */
    int classes() {
        return classes;
    }

    int nonEmpty() {
        return nonEmpty;
    }

    int feasibleCount() {
        return feasibleCount;
    }


    /** Whether every node had a key for part {@code j} of the key (1 = the first plugin not summed). */
    boolean classed(int j) {
        return !unclassed[j];
    }

    long localSum(int c) {
        return keys[c * width];
    }

    /** A new cycle: no class met yet. */
    void beginCycle() {
        if (stampOf.length < classes) {
            int n = Math.max(classes, stampOf.length * 2);
            stampOf = Arrays.copyOf(stampOf, n);
            presentIndex = Arrays.copyOf(presentIndex, n);
            top = Arrays.copyOf(top, n);
        }
        stamp++;
        presentCount = 0;
    }

    /** The cycle found {@code node}, of class {@code c}, feasible. */
    void met(int c, int node) {
        if (stampOf[c] != stamp) {
            add(c, node, 0);
        }
        multiplicity[presentIndex[c]]++;
    }

    /**
     * Counts the feasible nodes of every class in the window {@code (from, length)} around the ring
     * of {@code n} ({@link RingBits}): with a class's bits, a word at a time.
     */
    void meetWindow(int from, int length, int n, int[] order) {
        for (int c = 0; c < classes; c++) {
            if (population[c] == 0) {
                continue;
            }
            int count = bits[c].count(from, length, n);
            if (count > 0) {
                add(c, order[bits[c].first(from, length, n)], count);
            }
        }
    }

    private void add(int c, int node, int nodes) {
        stampOf[c] = stamp;
        if (presentCount == present.length) {
            int n = presentCount * 2;
            present = Arrays.copyOf(present, n);
            topClasses = Arrays.copyOf(topClasses, n);
            representatives = Arrays.copyOf(representatives, n);
            multiplicity = Arrays.copyOf(multiplicity, n);
        }
        presentIndex[c] = presentCount;
        representatives[presentCount] = node;
        multiplicity[presentCount] = nodes;
        present[presentCount++] = c;
    }

    int presentCount() {
        return presentCount;
    }

    /** The k-th class met this cycle. */
    int present(int k) {
        return present[k];
    }

    /** One node of each class met this cycle, in the same order (shared scratch). */
    int[] representatives() {
        return representatives;
    }

    /** How many feasible nodes each class met this cycle has, in the same order (shared scratch). */
    int[] multiplicities() {
        return multiplicity;
    }

    void markTop(int k, boolean isTop) {
        top[present[k]] = isTop;
    }

    /** Whether class c, met this cycle, shares the top total. */
    boolean isTop(int c) {
        return top[c];
    }

    /**
     * The position of the {@code r}-th (from 0) node of the top classes in the window
     * {@code (from, length)} around the ring of {@code n}, in walk order.
     */
    int nthTop(int r, int from, int length, int n) {
        int count = 0;
        for (int k = 0; k < presentCount; k++) {
            if (top[present[k]]) {
                topClasses[count++] = present[k];
            }
        }
        int p = RingBits.nthOfUnion(bits, topClasses, count, r, from, length, n);
        if (p < 0) {
            throw new IllegalStateException("fewer tied nodes in the window than counted");
        }
        return p;
    }

    /**
     * How many positions the walk from {@code from} looks at to find {@code k} feasible nodes, when
     * at least k are feasible.
     */
    int windowLength(int from, int k, int n) {
        int length = feasible.lengthToKth(from, k, n);
        if (length < 0) {
            throw new IllegalStateException("fewer feasible nodes than counted");
        }
        return length;
    }

    private int hash(long[] key) {
        long h = 0;
        for (int j = 0; j < width; j++) {
            h = (h + key[j]) * 0x9E3779B97F4A7C15L;
        }
        return (int) (h ^ h >>> 32);
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        long[] key = new long[width];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(keys, c * width, key, 0, width);
            int h = hash(key) & mask;
            while (table[h] != 0) {
                h = (h + 1) & mask;
            }
            table[h] = c + 1;
        }
    }
}
