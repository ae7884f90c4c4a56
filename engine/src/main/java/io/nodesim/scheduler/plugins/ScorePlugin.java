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


    /**
     * NormalizeScore for plugins whose normalised score, this cycle, is a function of a class of node
     * that {@link #scoreAll} assigned: per feasible position its class (an index into
     * {@link #classScores}), or null to call {@link #normalize} instead. The scheduler then adds the
     * weighted class scores without a per-node NormalizeScore pass.
     */
    default int[] normalizeByClass(int count) {
        return null;
    }

    /** The normalised score of each class, after a {@link #normalizeByClass} that did not return null. */
    default long[] classScores() {
        throw new UnsupportedOperationException(name() + " does not normalise by class");
    }

    /** NormalizeScore (when the descriptor declares it) over the feasible list, in place; scores[i] belongs to feasible[i]. */
    default void normalize(int[] feasible, long[] scores, int count) {
    }
}
