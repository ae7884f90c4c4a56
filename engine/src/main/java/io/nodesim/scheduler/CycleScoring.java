package io.nodesim.scheduler;

import io.nodesim.scheduler.plugins.PluginDescriptor;
import io.nodesim.scheduler.plugins.PluginRegistry;
import io.nodesim.scheduler.plugins.ScorePlugin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The scoring half of a scheduling cycle (kubernetes pkg/scheduler/schedule_one.go
 * {@code prioritizeNodes}, {@code selectHost}; framework/runtime {@code RunPreScorePlugins},
 * {@code RunScorePlugins}): PreScore, Score and NormalizeScore of the profile's plugins over the
 * feasible nodes the filter walk found, the weighted totals, and the choice among the top ones, ties
 * broken uniformly from the "scheduler.ties" stream. The node-local plugins' raw scores are cached per
 * node and template ({@link NodeResultCache}); the filter walk gathers their summed part into
 * {@link #totals()} as it goes and lists the nodes whose cache is stale in {@link #stale()}.
 *
 * <p>Nothing is allocated per node: the scratch arrays are sized to the cluster and reused.
 */
final class CycleScoring {
    /** {@link #scoreByClass} could not score by class: score node by node ({@link #scoreGathered}). */
    static final int NOT_BY_CLASS = -2;
    private static final int[] NO_NODES = new int[0];
    private final SchedulerCache nodes;
    private final RandomGenerator tieRandom;
    private final ScorePlugin[] scorers;
    private final int[] weights;
    private final boolean[] scoreLocal;
    private final boolean[] normalizes;
    /** Node-local score plugins without NormalizeScore: their weighted scores are summed per node. */
    private final boolean[] summedLocally;
    private final boolean[] scoreActive;
    /** The active plugins of the cycle whose scores differ between nodes (neither summed per node nor uniform). */
    private final boolean[] perNode;
    private final long[][] raw;
    private final long[][] normalized;
    private long[] totals = new long[0];
    /** Positions in the feasible list whose cached node-local scores were stale when filtered. */
    private int[] stale = new int[0];
    private int staleCount;
    /** Positions in the feasible list of the nodes sharing the top total. */
    private int[] ties = new int[0];
    /** 0, 1, 2, ...: each feasible position indexes its own score. */
    private int[] identity = new int[0];
    private int tieCount;
    /** Per class present in a {@link #scoreByClass} cycle: its total, and one plugin's raw scores. */
    private long[] classTotals = new long[0];
    private long[] classRaw = new long[0];
    /** Unexplained cycles: the weighted scores every feasible node shares, left out of {@link #totals}. */
    private long uniformTotal;
    /** The cycle's feasible nodes, their count and its template's entries in the node-result cache. */
    private int[] feasible;
    private int found;
    private NodeResultCache.Way way;

    CycleScoring(SchedulerCache nodes, ScorePlugin[] scorers, int[] weights, RandomGenerator ties) {
        this.nodes = nodes;
        this.tieRandom = ties;
        this.scorers = scorers;
        this.weights = weights;
        scoreActive = new boolean[scorers.length];
        perNode = new boolean[scorers.length];
        scoreLocal = new boolean[scorers.length];
        normalizes = new boolean[scorers.length];
        summedLocally = new boolean[scorers.length];
        for (int p = 0; p < scorers.length; p++) {
            PluginDescriptor d = PluginRegistry.descriptor(scorers[p].name());
            scoreLocal[p] = d.scoreNodeLocal();
            normalizes[p] = d.normalizes();
            summedLocally[p] = scoreLocal[p] && !normalizes[p];
        }
        raw = new long[scorers.length][0];
        normalized = new long[scorers.length][0];
    }

    /** Whether the profile scores at all (without Score plugins one feasible node is chosen unscored). */
    boolean scores() {
        return scorers.length > 0;
    }

    int plugins() {
        return scorers.length;
    }

    /** Room for a cycle over {@code n} nodes. */
    void ensure(int n) {
        if (totals.length >= n) {
            return;
        }
        totals = new long[n];
        stale = new int[n];
        ties = new int[n];
        identity = new int[n];
        Arrays.setAll(identity, i -> i);
        classTotals = new long[n];
        classRaw = new long[n];
        for (int p = 0; p < scorers.length; p++) {
            raw[p] = new long[n];
            normalized[p] = new long[n];
        }
    }

    /** Per feasible position, the node-local score sum the filter walk gathered. */
    long[] totals() {
        return totals;
    }

    /** Positions whose node-local scores the filter walk found stale (the first {@link #staleCount}). */
    int[] stale() {
        return stale;
    }

    void staleCount(int count) {
        staleCount = count;
    }

    /** The cycle chose its only candidate, unscored. */
    void single() {
        ties[0] = 0;
        tieCount = 1;
    }

    void none() {
        tieCount = 0;
    }

    int tieCount() {
        return tieCount;
    }

    /** The feasible position of the t-th node sharing the top total. */
    int tie(int t) {
        return ties[t];
    }

    /** The top total, the score every feasible node shares included. */
    long topTotal() {
        return totals[ties[0]] + uniformTotal;
    }

    List<String> pluginNames() {
        List<String> names = new ArrayList<>();
        for (ScorePlugin s : scorers) {
            names.add(s.name());
        }
        return List.copyOf(names);
    }

    int[] weights() {
        return weights.clone();
    }

    /** Every plugin's raw and normalised score of each feasible node of the explained cycle that just ran. */
    List<ScheduleResult.NodeScores> explained(int[] feasible, int found) {
        List<ScheduleResult.NodeScores> scores = new ArrayList<>();
        for (int i = 0; i < found; i++) {
            long[] r = new long[scorers.length];
            long[] nz = new long[scorers.length];
            boolean[] skipped = new boolean[scorers.length];
            for (int p = 0; p < scorers.length; p++) {
                skipped[p] = !scoreActive[p];
                r[p] = scoreActive[p] ? raw[p][i] : 0;
                nz[p] = scoreActive[p] ? normalized[p][i] : 0;
            }
            scores.add(new ScheduleResult.NodeScores(nodes.name(feasible[i]), r, nz, skipped, totals[i]));
        }
        return scores;
    }

    /**
     * Totals of the feasible nodes and the choice among them. Node-local plugins without NormalizeScore
     * add the same weighted raw score to a node whatever the other nodes are, so unless the cycle is
     * explained their sum comes from the per-node cache in one read (the same total: integer sums in
     * another order), and the selection runs inside the last plugin's accumulation.
     */
    int score(CompiledPod pod, int[] feasible, int found, NodeResultCache.Way way, boolean explain) {
        this.feasible = feasible;
        this.found = found;
        this.way = way;
        for (int p = 0; p < scorers.length; p++) {
            scoreActive[p] = scorers[p].preScore(pod, feasible, found);
        }
        if (explain) {
            refreshCachedScores(pod, found);
        } else {
            refreshStaleScores(pod);
        }
        uniformTotal = 0;
        int last = -1;
        for (int p = 0; p < scorers.length; p++) {
            perNode[p] = false;
            if (!scoreActive[p] || (!explain && summedLocally[p])) {
                continue;
            }
            long uniform = explain ? -1 : scorers[p].uniformScore(pod);
            if (uniform >= 0) {
                checkRange(scorers[p], uniform);
                uniformTotal += weights[p] * uniform;
                continue;
            }
            perNode[p] = true;
            last = p;
        }
        for (int p = 0; p < scorers.length; p++) {
            if (!perNode[p]) {
                continue;
            }
            ScorePlugin s = scorers[p];
            long[] r = raw[p];
            rawScores(p, pod, feasible, found, r);
            // unexplained, the raw scores are not kept: normalised in place
            long[] norm = r;
            if (explain) {
                norm = normalized[p];
                System.arraycopy(r, 0, norm, 0, found);
            }
            long w = weights[p];
            if (normalizes[p]) {
                int[] classes = p == last && !explain ? s.normalizeByClass(found) : null;
                if (classes != null) {
                    return addAndSelect(s, w, classes, s.classScores(), found);
                }
                s.normalize(feasible, norm, found);
            }
            if (p == last && !explain) {
                return addAndSelect(s, w, identity, norm, found);
            }
            for (int i = 0; i < found; i++) {
                checkRange(s, norm[i]);
                totals[i] += w * norm[i];
            }
        }
        return select();
    }

    /**
     * The last plugin's weighted scores added to the totals, with {@link #select}'s choice kept on the
     * way; node i's normalised score is {@code scores[index[i]]} (its own, or its class's).
     */
    private int addAndSelect(ScorePlugin s, long w, int[] index, long[] scores, int found) {
        long best = Long.MIN_VALUE;
        int count = 0;
        for (int i = 0; i < found; i++) {
            long score = scores[index[i]];
            checkRange(s, score);
            long total = totals[i] + w * score;
            totals[i] = total;
            if (total > best) {
                best = total;
                count = 0;
            }
            if (total == best) {
                ties[count++] = i;
            }
        }
        tieCount = count;
        return feasible[ties[count == 1 ? 0 : tieRandom.nextInt(count)]];
    }

    /** Plugin p's raw scores of the nodes: a node-local plugin's from the cache, kept current for them. */
    private void rawScores(int p, CompiledPod pod, int[] of, int count, long[] out) {
        if (scoreLocal[p]) {
            long[] cache = way.scores[p];
            for (int i = 0; i < count; i++) {
                out[i] = cache[of[i]];
            }
        } else {
            scorers[p].scoreAll(pod, of, count, out);
        }
    }

    private static void checkRange(ScorePlugin s, long score) {
        if (score < 0 || score > 100) {
            throw new IllegalStateException(s.name() + " returned score " + score + " outside 0..100");
        }
    }

    /**
     * An explained cycle's node-local raw scores: recomputed for the feasible nodes that changed since
     * they were scored for this template (one validity check per node covers every node-local plugin);
     * the totals start at 0 because the explained plugins are all added one by one.
     */
    private void refreshCachedScores(CompiledPod pod, int found) {
        for (int i = 0; i < found; i++) {
            int node = feasible[i];
            if (way.scoreOwner[node] != pod || way.scoreGeneration[node] != nodes.nodeGeneration(node)) {
                refreshNode(pod, node);
            }
            totals[i] = 0;
        }
    }

    /** Scores one node with the node-local plugins, caches the raw scores and returns their summed part. */
    private long refreshNode(CompiledPod pod, int node) {
        long sum = 0;
        for (int p = 0; p < scorers.length; p++) {
            if (scoreActive[p] && scoreLocal[p]) {
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

    /** The node-local scores of the feasible nodes the filter walk found stale, recomputed and cached. */
    private void refreshStaleScores(CompiledPod pod) {
        for (int j = 0; j < staleCount; j++) {
            int i = stale[j];
            totals[i] = refreshNode(pod, feasible[i]);
        }
    }

    /**
     * PreScore of the node-local plugins, which reads only the pod: before the nodes are classed
     * ({@link #classKey}), which needs their raw scores; the other plugins' PreScore runs in
     * {@link #scoreByClass} over the feasible nodes.
     */
    void preScoreLocal(CompiledPod pod, NodeResultCache.Way way) {
        this.way = way;
        for (int p = 0; p < scorers.length; p++) {
            if (scoreLocal[p]) {
                scoreActive[p] = scorers[p].preScore(pod, NO_NODES, 0);
            }
        }
    }

    /** Longs in a {@link #classKey}: the node-local sum, then one per plugin not summed per node. */
    int classKeyWidth() {
        int width = 1;
        for (boolean summed : summedLocally) {
            width += summed ? 0 : 1;
        }
        return width;
    }

    /**
     * A feasible node's class for the template after {@link #preScoreLocal}: its node-local sum, the
     * raw score of each node-local plugin that normalises, and each other plugin's
     * {@link ScorePlugin#scoreClass} (-1 where it cannot say). Nodes with equal keys get equal totals
     * in any cycle that finds them feasible.
     */
    void classKey(CompiledPod pod, int node, long[] key) {
        long sum = way.scoreOwner[node] == pod && way.scoreGeneration[node] == nodes.nodeGeneration(node)
                ? way.localSum[node] : refreshNode(pod, node);
        key[0] = sum;
        int j = 1;
        for (int p = 0; p < scorers.length; p++) {
            if (summedLocally[p]) {
                continue;
            }
            if (scoreLocal[p]) {
                key[j++] = scoreActive[p] ? way.scores[p][node] : 0;
            } else {
                key[j++] = scorers[p].scoreClass(pod, node);
            }
        }
    }

    /**
     * Score by class ({@link ScoreClasses}) over the {@code found} feasible nodes of the classes met
     * this cycle: the plugins that read other nodes get PreScore by class, then each class is scored
     * and normalised once through one node of it, and the classes sharing the top total are marked.
     * Returns how many feasible nodes share it (draw among them with {@link #drawTie}), or
     * {@link #NOT_BY_CLASS} when an active plugin scores node by node and cannot class nodes.
     */
    int scoreByClass(CompiledPod pod, ScoreClasses classes, int found) {
        int present = classes.presentCount();
        int[] reps = classes.representatives();
        for (int p = 0; p < scorers.length; p++) {
            if (!scoreLocal[p]) {
                scoreActive[p] = scorers[p].preScoreClasses(pod, reps, classes.multiplicities(), present, found);
            }
        }
        uniformTotal = 0;
        int j = 0;
        for (int p = 0; p < scorers.length; p++) {
            perNode[p] = false;
            if (summedLocally[p]) {
                continue;
            }
            j++;
            if (!scoreActive[p]) {
                continue;
            }
            long uniform = scorers[p].uniformScore(pod);
            if (uniform >= 0) {
                checkRange(scorers[p], uniform);
                uniformTotal += weights[p] * uniform;
                continue;
            }
            if (!classes.classed(j)) {
                return NOT_BY_CLASS;
            }
            perNode[p] = true;
        }
        long[] total = classTotals;
        long[] r = classRaw;
        for (int k = 0; k < present; k++) {
            total[k] = classes.localSum(classes.present(k));
        }
        for (int p = 0; p < scorers.length; p++) {
            if (!perNode[p]) {
                continue;
            }
            ScorePlugin s = scorers[p];
            rawScores(p, pod, reps, present, r);
            long[] norm = r;
            int[] index = identity;
            if (normalizes[p]) {
                int[] byClass = s.normalizeByClass(present);
                if (byClass != null) {
                    index = byClass;
                    norm = s.classScores();
                } else {
                    s.normalize(reps, r, present);
                }
            }
            long w = weights[p];
            for (int k = 0; k < present; k++) {
                long score = norm[index[k]];
                checkRange(s, score);
                total[k] += w * score;
            }
        }
        long best = Long.MIN_VALUE;
        for (int k = 0; k < present; k++) {
            best = Math.max(best, total[k]);
        }
        int count = 0;
        int[] nodesOf = classes.multiplicities();
        for (int k = 0; k < present; k++) {
            boolean top = total[k] == best;
            classes.markTop(k, top);
            if (top) {
                count += nodesOf[k];
            }
        }
        return count;
    }

    /** Which of the {@code count} nodes sharing the top total is chosen, drawn as {@link #select} draws. */
    int drawTie(int count) {
        tieCount = count;
        return count == 1 ? 0 : tieRandom.nextInt(count);
    }

    /** The cycle's node-local sums are gathered into {@link #totals()}, none stale: score node by node. */
    int scoreGathered(CompiledPod pod, int[] feasible, int found, NodeResultCache.Way way) {
        staleCount = 0;
        return score(pod, feasible, found, way, false);
    }

    /** Highest total wins; ties uniformly from the seeded stream. */
    private int select() {
        long best = Long.MIN_VALUE;
        for (int i = 0; i < found; i++) {
            if (totals[i] > best) {
                best = totals[i];
                tieCount = 0;
            }
            if (totals[i] == best) {
                ties[tieCount++] = i;
            }
        }
        return feasible[ties[tieCount == 1 ? 0 : tieRandom.nextInt(tieCount)]];
    }

}
