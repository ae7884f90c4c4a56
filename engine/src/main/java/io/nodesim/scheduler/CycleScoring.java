package io.nodesim.scheduler;

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
    private final SchedulerCache nodes;
    private final RandomGenerator tieRandom;
    private final ScorePlugins plugins;
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
    /** Unexplained cycles: the weighted scores every feasible node shares, left out of {@link #totals}. */
    private long uniformTotal;
    /** The cycle's feasible nodes, their count and its template's entries in the node-result cache. */
    private int[] feasible;
    private int found;
    private NodeResultCache.Way way;

    CycleScoring(SchedulerCache nodes, ScorePlugins plugins, RandomGenerator ties) {
        this.nodes = nodes;
        this.tieRandom = ties;
        this.plugins = plugins;
        raw = new long[plugins.count()][0];
        normalized = new long[plugins.count()][0];
    }

    /** Whether the profile scores at all (without Score plugins one feasible node is chosen unscored). */
    boolean scores() {
        return plugins.count() > 0;
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
    }

    /**
     * Plugin {@code p}'s row of raw (or, explained, normalised) scores, made on first use: a cycle
     * by class of node ({@link ClassedCycle}) never scores node by node, and only an explained cycle
     * keeps normalised scores apart (14 rows of 800 kB a 100,000-node run never touches).
     */
    private static long[] row(long[][] rows, int p, int n) {
        if (rows[p].length < n) {
            rows[p] = new long[n];
        }
        return rows[p];
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
        for (ScorePlugin s : plugins.scorers) {
            names.add(s.name());
        }
        return List.copyOf(names);
    }

    int[] weights() {
        return plugins.weights.clone();
    }

    /** Every plugin's raw and normalised score of each feasible node of the explained cycle that just ran. */
    List<ScheduleResult.NodeScores> explained(int[] feasible, int found) {
        List<ScheduleResult.NodeScores> scores = new ArrayList<>();
        int n = plugins.count();
        for (int i = 0; i < found; i++) {
            long[] r = new long[n];
            long[] nz = new long[n];
            boolean[] skipped = new boolean[n];
            for (int p = 0; p < n; p++) {
                boolean active = plugins.active[p];
                skipped[p] = !active;
                r[p] = active ? raw[p][i] : 0;
                nz[p] = active ? normalized[p][i] : 0;
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
        plugins.preScore(pod, feasible, found);
        if (explain) {
            refreshCachedScores(pod, found);
        } else {
            refreshStaleScores(pod);
        }
        uniformTotal = plugins.sortOut(pod, explain);
        int last = -1;
        for (int p = 0; p < plugins.count(); p++) {
            if (plugins.perNode[p]) {
                last = p;
            }
        }
        for (int p = 0; p < plugins.count(); p++) {
            if (!plugins.perNode[p]) {
                continue;
            }
            ScorePlugin s = plugins.scorers[p];
            long[] r = row(raw, p, totals.length);
            plugins.rawScores(p, pod, way, feasible, found, r);
            // unexplained, the raw scores are not kept: normalised in place
            long[] norm = r;
            if (explain) {
                norm = row(normalized, p, totals.length);
                System.arraycopy(r, 0, norm, 0, found);
            }
            long w = plugins.weights[p];
            if (plugins.normalizes[p]) {
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
                ScorePlugins.checkRange(s, norm[i]);
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
            ScorePlugins.checkRange(s, score);
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

    /**
     * An explained cycle's node-local raw scores: recomputed for the feasible nodes that changed since
     * they were scored for this template (one validity check per node covers every node-local plugin);
     * the totals start at 0 because the explained plugins are all added one by one.
     */
    private void refreshCachedScores(CompiledPod pod, int found) {
        for (int i = 0; i < found; i++) {
            int node = feasible[i];
            if (!plugins.cached(pod, node, way)) {
                plugins.refresh(pod, node, way);
            }
            totals[i] = 0;
        }
    }

    /** The node-local scores of the feasible nodes the filter walk found stale, recomputed and cached. */
    private void refreshStaleScores(CompiledPod pod) {
        for (int j = 0; j < staleCount; j++) {
            int i = stale[j];
            totals[i] = plugins.refresh(pod, feasible[i], way);
        }
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
