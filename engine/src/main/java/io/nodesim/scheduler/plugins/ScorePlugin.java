package io.nodesim.scheduler.plugins;

import io.nodesim.scheduler.CompiledPod;

/** A plugin at the PreScore, Score and NormalizeScore extension points. */
public interface ScorePlugin {
    String name();

    /** Runs once per cycle over the feasible nodes; false is PreScore's Skip (no score from this plugin). */
    boolean preScore(CompiledPod pod, int[] feasible, int count);

    /**
     * PreScore over feasible nodes given by class ({@link #scoreClass}): one node of each class and how
     * many feasible nodes it stands for ({@code count} in all). A plugin whose PreScore reads the
     * feasible nodes overrides this; the others never read them.
     */
    default boolean preScoreClasses(CompiledPod pod, int[] nodesOfClasses, int[] multiplicity, int classes, int count) {
        return preScore(pod, nodesOfClasses, classes);
    }

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

    /**
     * For a plugin whose score reads other nodes: a key of the node, from the pod template and the
     * node's own state only, such that in any cycle two feasible nodes with equal keys get the same
     * raw score (whatever PreScore saw); -1 when the plugin cannot say. The scheduler then scores
     * one node per key ({@link io.nodesim.scheduler.ScoreClasses}).
     */
    default long scoreClass(CompiledPod pod, int node) {
        return -1;
    }

    /** The normalised score of each class, after a {@link #normalizeByClass} that did not return null. */
    default long[] classScores() {
        throw new UnsupportedOperationException(name() + " does not normalise by class");
    }

    /** NormalizeScore (when the descriptor declares it) over the feasible list, in place; scores[i] belongs to feasible[i]. */
    default void normalize(int[] feasible, long[] scores, int count) {
    }
}
