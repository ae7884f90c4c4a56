package io.nodesim.scheduler.plugins;

import io.nodesim.scheduler.Symbols;
import java.util.Arrays;

/**
 * One cycle's PodTopologySpread scores by class of node, for the usual shape of scoring constraints
 * (the system defaults: one per-node hostname constraint and one domain constraint such as the
 * zone): a node's raw score depends only on its hostname count and its domain, and its normalised
 * score only on its raw score, so the K feasible nodes of a cycle share a handful of each and each is
 * computed once. Entries are stamped with the cycle, so nothing is cleared between cycles.
 */
final class SpreadScoreMemo {
    /** Hostname counts at or above this are scored per node. */
    private static final int COUNTS = 256;
    /** Cycles whose constraint shows more domains than this are scored per node. */
    static final int MAX_DOMAINS = 64;

    private int stamp;
    private int domains;
    /** Per domain value (a symbol): its slot this cycle (the values seen get 0..domains-1, ABSENT gets domains). */
    private int[] slotOf = new int[0];
    private long[] raw = new long[COUNTS];
    private int[] rawStamp = new int[COUNTS];
    private long[] normalized = new long[COUNTS];
    private int[] normalizedStamp = new int[COUNTS];
    /** Per feasible position of the last {@code classify}: its class, or -1 when scored per node. */
    private int[] classes = new int[0];
    /** The classes given a raw score this cycle, in order. */
    private int[] present = new int[16];
    private int presentCount;

    /** A new cycle whose domain constraint shows {@code values[0..count)} (the values of its feasible nodes). */
    void begin(int[] values, int count, int symbols) {
        stamp++;
        presentCount = 0;
        domains = count;
        if (slotOf.length < symbols) {
            slotOf = new int[symbols + symbols / 2];
        }
        for (int k = 0; k < count; k++) {
            slotOf[values[k]] = k;
        }
        int size = (count + 1) * COUNTS;
        if (raw.length < size) {
            raw = Arrays.copyOf(raw, size);
            rawStamp = Arrays.copyOf(rawStamp, size);
            normalized = Arrays.copyOf(normalized, size);
            normalizedStamp = Arrays.copyOf(normalizedStamp, size);
        }
    }

    /** The class of a node with this hostname count and domain value, or -1 when it is scored alone. */
    int classOf(int hostnameCount, int domainValue) {
        if (hostnameCount >= COUNTS) {
            return -1;
        }
        int slot = domainValue == Symbols.ABSENT ? domains : slotOf[domainValue];
        return slot * COUNTS + hostnameCount;
    }

    int[] classes(int count) {
        if (classes.length < count) {
            classes = new int[Math.max(count, classes.length * 2)];
        }
        return classes;
    }

    int[] classes() {
        return classes;
    }

    boolean hasRaw(int c) {
        return rawStamp[c] == stamp;
    }

    long raw(int c) {
        return raw[c];
    }

    void putRaw(int c, long score) {
        raw[c] = score;
        rawStamp[c] = stamp;
        if (presentCount == present.length) {
            present = Arrays.copyOf(present, presentCount * 2);
        }
        present[presentCount++] = c;
    }

    /** How many classes were given a raw score this cycle. */
    int presentCount() {
        return presentCount;
    }

    /** The k-th class given a raw score this cycle. */
    int present(int k) {
        return present[k];
    }

    /** Normalised scores by class (those of this cycle's classes are current once put). */
    long[] normalizedScores() {
        return normalized;
    }

    boolean hasNormalized(int c) {
        return normalizedStamp[c] == stamp;
    }

    long normalized(int c) {
        return normalized[c];
    }

    void putNormalized(int c, long score) {
        normalized[c] = score;
        normalizedStamp[c] = stamp;
    }
}
