package io.nodesim.scheduler;

import io.nodesim.scheduler.plugins.PluginDescriptor;
import io.nodesim.scheduler.plugins.PluginRegistry;
import io.nodesim.scheduler.plugins.ScorePlugin;

/**
 * A profile's Score plugins as its cycles use them (framework/runtime {@code RunPreScorePlugins},
 * {@code RunScorePlugins}): their weights, what their descriptors say, which ones PreScore left
 * active this cycle and, after {@link #sortOut}, which of those score node by node. The node-local
 * plugins' raw scores are cached per node and template ({@link NodeResultCache}): {@link #refresh}
 * computes them. Shared by the node-by-node scoring ({@link CycleScoring}) and the one by class
 * ({@link ClassedCycle}).
 */
final class ScorePlugins {
    private static final int[] NO_NODES = new int[0];
    private final SchedulerCache nodes;
    final ScorePlugin[] scorers;
    final int[] weights;
    final boolean[] scoreLocal;
    final boolean[] normalizes;
    /** Node-local score plugins without NormalizeScore: their weighted scores are summed per node. */
    final boolean[] summedLocally;
    /** What PreScore said this cycle. */
    final boolean[] active;
    /** The active plugins of the cycle whose scores differ between nodes (neither summed per node nor uniform). */
    final boolean[] perNode;
    /** Per plugin not summed per node: its part of a {@link #classKey} (from 1); -1 for the others. */
    private final int[] keyPart;
    private final int keyWidth;

    ScorePlugins(SchedulerCache nodes, ScorePlugin[] scorers, int[] weights) {
        this.nodes = nodes;
        this.scorers = scorers;
        this.weights = weights;
        int n = scorers.length;
        active = new boolean[n];
        perNode = new boolean[n];
        scoreLocal = new boolean[n];
        normalizes = new boolean[n];
        summedLocally = new boolean[n];
        keyPart = new int[n];
        int width = 1;
        for (int p = 0; p < n; p++) {
            PluginDescriptor d = PluginRegistry.descriptor(scorers[p].name());
            scoreLocal[p] = d.scoreNodeLocal();
            normalizes[p] = d.normalizes();
            summedLocally[p] = scoreLocal[p] && !normalizes[p];
            keyPart[p] = summedLocally[p] ? -1 : width++;
        }
        keyWidth = width;
    }

    int count() {
        return scorers.length;
    }

    /** PreScore of every plugin over the feasible nodes. */
    void preScore(CompiledPod pod, int[] feasible, int found) {
        for (int p = 0; p < scorers.length; p++) {
            active[p] = scorers[p].preScore(pod, feasible, found);
        }
    }

    /**
     * PreScore of the node-local plugins, which reads only the pod: before nodes are classed
     * ({@link #classKey} needs their raw scores); {@link #preScoreByClass} does the others.
     */
    void preScoreLocal(CompiledPod pod) {
        for (int p = 0; p < scorers.length; p++) {
            if (scoreLocal[p]) {
                active[p] = scorers[p].preScore(pod, NO_NODES, 0);
            }
        }
    }

    /** PreScore of the plugins that read other nodes, over feasible nodes given by class. */
    void preScoreByClass(CompiledPod pod, int[] nodesOfClasses, int[] multiplicity, int classes, int found) {
        for (int p = 0; p < scorers.length; p++) {
            if (!scoreLocal[p]) {
                active[p] = scorers[p].preScoreClasses(pod, nodesOfClasses, multiplicity, classes, found);
            }
        }
    }

    /**
     * After PreScore: marks {@link #perNode} the active plugins whose scores differ between nodes and
     * returns the weighted score the others give every node alike (none when {@code explain}: then
     * every active plugin is listed node by node, summed ones included).
     */
    long sortOut(CompiledPod pod, boolean explain) {
        long uniformTotal = 0;
        for (int p = 0; p < scorers.length; p++) {
            perNode[p] = false;
            if (!active[p] || (!explain && summedLocally[p])) {
                continue;
            }
            long uniform = explain ? -1 : scorers[p].uniformScore(pod);
            if (uniform >= 0) {
                checkRange(scorers[p], uniform);
                uniformTotal += weights[p] * uniform;
                continue;
            }
            perNode[p] = true;
        }
        return uniformTotal;
    }

    /** Scores one node with the active node-local plugins, caches the raw scores and returns their summed part. */
    long refresh(CompiledPod pod, int node, NodeResultCache.Way way) {
        long sum = 0;
        for (int p = 0; p < scorers.length; p++) {
            if (active[p] && scoreLocal[p]) {
                long raw = scorers[p].score(pod, node);
                way.scores[p][node] = raw;
                if (summedLocally[p]) {
                    checkRange(scorers[p], raw);
                    sum += weights[p] * raw;
                }
            }
        }
        long g = nodes.nodeGeneration(node);
        way.localSum[node] = sum;
        way.scoreOwner[node] = pod;
        way.scoreGeneration[node] = g;
        // only feasible nodes are scored: the node-local filters pass here at this generation
        way.passed[node] = NodeResultCache.key(g, way.epoch);
        return sum;
    }

    /** Whether the node's cached node-local scores are those of the template at its generation. */
    boolean cached(CompiledPod pod, int node, NodeResultCache.Way way) {
        return way.scoreOwner[node] == pod && way.scoreGeneration[node] == nodes.nodeGeneration(node);
    }

    /** Plugin p's raw scores of the nodes: a node-local plugin's from the cache, kept current for them. */
    void rawScores(int p, CompiledPod pod, NodeResultCache.Way way, int[] of, int count, long[] out) {
        if (scoreLocal[p]) {
            long[] cache = way.scores[p];
            for (int i = 0; i < count; i++) {
                out[i] = cache[of[i]];
            }
        } else {
            scorers[p].scoreAll(pod, of, count, out);
        }
    }

    /** Longs in a {@link #classKey}: the node-local sum, then one per plugin not summed per node. */
    int classKeyWidth() {
        return keyWidth;
    }

    /** Plugin p's part of a {@link #classKey} (from 1), for a plugin not summed per node. */
    int keyPart(int p) {
        return keyPart[p];
    }

    /**
     * A feasible node's class for the template after {@link #preScoreLocal}: its node-local sum, the
     * raw score of each node-local plugin that normalises, and each other plugin's
     * {@link ScorePlugin#scoreClass} (-1 where it cannot say). Nodes with equal keys get equal totals
     * in any cycle that finds them feasible.
     */
    void classKey(CompiledPod pod, int node, NodeResultCache.Way way, long[] key) {
        key[0] = cached(pod, node, way) ? way.localSum[node] : refresh(pod, node, way);
        for (int p = 0; p < scorers.length; p++) {
            if (summedLocally[p]) {
                continue;
            }
            if (scoreLocal[p]) {
                key[keyPart[p]] = active[p] ? way.scores[p][node] : 0;
            } else {
                key[keyPart[p]] = scorers[p].scoreClass(pod, node);
            }
        }
    }

    static void checkRange(ScorePlugin s, long score) {
        if (score < 0 || score > 100) {
            throw new IllegalStateException(s.name() + " returned score " + score + " outside 0..100");
        }
    }
}
