package io.nodesim.scheduler;

/**
 * Per node, what the scheduler computed for a pod template that stays true while the node is
 * unchanged ({@link SchedulerCache#nodeGeneration}) and no node came or went: the node-local filters'
 * answer and the node-local plugins' raw scores. kube-scheduler recomputes them every cycle; the
 * placements are the same either way.
 *
 * <p>Kept for the {@value #WAYS} most recently scheduled templates, so replacements of two
 * workloads arriving interleaved (a dead node's pods of every workload come back together) do not
 * evict each other's answers. Each slot entry is tagged with its template, so a way handed to
 * another template needs no clearing. A pod pinned to one node (a DaemonSet's) is a template of its
 * own whose answers no other pod reuses: such pods share one way of their own instead of evicting
 * the workloads' (100,000 of them at t = 0 in a 100,000-node cluster, each way 10 MB there).
 */
final class NodeResultCache {
    static final int WAYS = 4;

    /** One template's entries, indexed by node slot. */
    static final class Way {
        CompiledPod template;
        long lastUse;
        final CompiledPod[] filterOwner;
        final long[] filterGeneration;
        final String[] filterReason;
        final String[] filterPlugin;
        final CompiledPod[] scoreOwner;
        final long[] scoreGeneration;
        /** [plugin][slot] raw scores of the node-local score plugins. */
        final long[][] scores;
        /** Σ weight × raw score of the node-local plugins without NormalizeScore. */
        final long[] localSum;
        /**
         * {@link #key}(generation, epoch) where the node passed the node-local filters and its
         * {@link #localSum} is cached: the filter walk's one-compare test.
         */
        final long[] passed;
        /** {@link #key}(generation, epoch) where the node-local filters rejected the node ({@link #filterReason}). */
        final long[] refused;
        /** Unique to this way's current template: entries of an earlier template never match. */
        long epoch;
        /** The template's nodes by class of score, once it has run enough cycles ({@link ClassedCycle}). */
        ScoreClasses classes;
        /** Cycles the template has walked node by node since this way became its. */
        int walks;

        private Way(int slots, int plugins) {
            filterOwner = new CompiledPod[slots];
            filterGeneration = new long[slots];
            filterReason = new String[slots];
            filterPlugin = new String[slots];
            scoreOwner = new CompiledPod[slots];
            scoreGeneration = new long[slots];
            scores = new long[plugins][slots];
            localSum = new long[slots];
            passed = new long[slots];
            refused = new long[slots];
        }
    }

    private final SchedulerCache nodes;
    private final int plugins;
    private final Way[] ways = new Way[WAYS + 1];
    private static final int PINNED = WAYS;
    private long membership = -1;
    private long clock;
    private long lastEpoch;

    private static final int EPOCH_BITS = 24;
    private static final long MAX_EPOCH = 1L << EPOCH_BITS;

    /** A node generation and a way's epoch in one long (generations stay far below 2^39). */
    static long key(long generation, long epoch) {
        return generation << EPOCH_BITS | epoch;
    }

    NodeResultCache(SchedulerCache nodes, int plugins) {
        this.nodes = nodes;
        this.plugins = plugins;
    }

    /** The template's way if it has one, without using it (for tests). */
    Way cached(CompiledPod pod) {
        for (Way way : ways) {
            if (way != null && way.template == pod) {
                return way;
            }
        }
        return null;
    }

    /**
     * The template's way, taking the least recently used one for a template not cached.
     *
     * @param pinned whether the cycle has one candidate node: the pod gets the pinned pods' way
     */
    Way of(CompiledPod pod, boolean pinned) {
        int slots = nodes.slots();
        if (nodes.membershipGeneration() != membership) {
            // image spread (ImageLocality) depends on the node set; and slots only grow when a node
            // is added, which changes the membership, so every way is sized to the slots in use
            membership = nodes.membershipGeneration();
            java.util.Arrays.fill(ways, null);
        }
        clock++;
        if (pinned) {
            Way way = ways[PINNED];
            if (way != null && way.template == pod) {
                way.lastUse = clock;
                return way;
            }
            return assign(PINNED, pod, slots);
        }
        int lru = 0;
        for (int w = 0; w < WAYS; w++) {
            Way way = ways[w];
            if (way != null && way.template == pod) {
                way.lastUse = clock;
                return way;
            }
            if (way == null || (ways[lru] != null && way.lastUse < ways[lru].lastUse)) {
                lru = w;
            }
        }
        return assign(lru, pod, slots);
    }

    /** Hands way {@code w} (created if need be) to the template, under a fresh epoch. */
    private Way assign(int w, CompiledPod pod, int slots) {
        if (ways[w] == null) {
            ways[w] = new Way(slots, plugins);
        }
        if (++lastEpoch == MAX_EPOCH) {
            // epochs are about to repeat: forget every tag so that none of an earlier template matches
            for (Way way : ways) {
                if (way != null) {
                    java.util.Arrays.fill(way.passed, 0);
                    java.util.Arrays.fill(way.refused, 0);
                }
            }
            lastEpoch = 1;
        }
        Way way = ways[w];
        way.epoch = lastEpoch;
        // its classes, another template's, are rebuilt in place after the new template's first walks
        way.walks = 0;
        way.template = pod;
        way.lastUse = clock;
        return way;
    }

}
