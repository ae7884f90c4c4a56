package io.nodesim.scheduler.plugins;

import io.nodesim.scheduler.CompiledPod;

/** A plugin at the PreScore, Score and NormalizeScore extension points. */
public interface ScorePlugin {
    String name();

    /** Runs once per cycle over the feasible nodes; false is PreScore's Skip (no score from this plugin). */
    boolean preScore(CompiledPod pod, int[] feasible, int count);

    /** The raw score of one feasible node. */
    long score(CompiledPod pod, int node);

    /** Raw scores of the feasible nodes into {@code out}. */
    default void scoreAll(CompiledPod pod, int[] feasible, int count, long[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = score(pod, feasible[i]);
        }
    }


    /**
     * The normalised score every feasible node gets this cycle when the plugin knows it without
     * looking at them (after {@link #preScore}), or -1. A score common to all nodes changes no
     * choice, so the scheduler adds it once instead of per node.
     */
    default long uniformScore(CompiledPod pod) {
        return -1;
    }


    /** NormalizeScore (when the descriptor declares it) over the feasible list, in place; scores[i] belongs to feasible[i]. */
    default void normalize(int[] feasible, long[] scores, int count) {
    }
}
