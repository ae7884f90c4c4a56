package io.nodesim.scheduler;

import io.nodesim.scheduler.SchedulerConfiguration.WeightedPlugin;
import io.nodesim.scheduler.plugins.FilterPlugin;
import io.nodesim.scheduler.plugins.PluginRegistry;
import io.nodesim.scheduler.plugins.ScorePlugin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One kube-scheduler profile running scheduling cycles (kubernetes pkg/scheduler/schedule_one.go:
 * {@code schedulePod}, {@code numFeasibleNodesToFind}): PreFilter and the round-robin Filter walk
 * that stops at exactly K feasible nodes ({@link CycleFiltering}), then, with more than one feasible
 * node, PreScore, Score, NormalizeScore and the choice among the top ones, ties broken uniformly from
 * the given stream "scheduler.ties" ({@link CycleScoring}); one feasible node is chosen unscored.
 * This class holds the profile's plugins and the node-result cache the two halves share, runs the
 * cycle, and says what it found.
 *
 * <p>The hot path allocates nothing per node: scratch arrays are sized to the cluster and reused.
 */
public final class Scheduler {

    private final SchedulerCache nodes;
    private final SchedulerConfiguration config;
    private final CycleFiltering filtering;
    private final PredicateChecker predicates;
    private final CycleScoring scoring;
    private final NodeResultCache cache;
    private final ClassedCycle classed;
    private int evaluated;
    /** The cycle pod's nominated node, tried first (evaluateNominatedNode), else -1. */
    private int cycleNominatedNode = -1;

    public Scheduler(SchedulerCache nodes, SchedulerConfiguration config, RandomGenerator ties) {
        this.nodes = nodes;
        this.config = config;
        Map<String, Object> instances = new HashMap<>();
        List<FilterPlugin> f = new ArrayList<>();
        for (String name : config.filters()) {
            if (PluginRegistry.isModelled(name)) {
                f.add((FilterPlugin) instances.computeIfAbsent(name, n -> PluginRegistry.create(n, nodes, config)));
            }
        }
        List<ScorePlugin> s = new ArrayList<>();
        List<Integer> w = new ArrayList<>();
        for (WeightedPlugin p : config.scores()) {
            if (PluginRegistry.isModelled(p.name())) {
                s.add((ScorePlugin) instances.computeIfAbsent(p.name(), n -> PluginRegistry.create(n, nodes, config)));
                w.add(p.weight());
            }
        }
        FilterPlugin[] filterPlugins = f.toArray(new FilterPlugin[0]);
        filtering = new CycleFiltering(nodes, filterPlugins, config.percentageOfNodesToScore());
        predicates = new PredicateChecker(nodes, filterPlugins);
        ScorePlugins scorePlugins = new ScorePlugins(nodes, s.toArray(new ScorePlugin[0]),
                w.stream().mapToInt(Integer::intValue).toArray());
        scoring = new CycleScoring(nodes, scorePlugins, ties);
        cache = new NodeResultCache(nodes, scorePlugins.count());
        classed = new ClassedCycle(nodes, filtering, scoring, scorePlugins);
    }

    public SchedulerConfiguration configuration() {
        return config;
    }

    public SchedulerCache nodes() {
        return nodes;
    }

    /** The pods waiting on their nominated nodes (PostFilter sets them; the filters leave room for them). */
    public NominatedPods nominated() {
        return filtering.nominated();
    }

    public int nextStartNodeIndex() {
        return filtering.nextStartNodeIndex();
    }

    /** Round-robin filtering goes on from {@code index}, as after the cycles of a replayed placement. */
    void resumeAt(int index) {
        filtering.resumeAt(index);
    }

    /** numFeasibleNodesToFind: all below 100 nodes, else the (adaptive) percentage, at least 100. */
    public static int numFeasibleNodesToFind(int percentageOfNodesToScore, int numAllNodes) {
        return CycleFiltering.numFeasibleNodesToFind(percentageOfNodesToScore, numAllNodes);
    }

    /** Schedules and assumes the pod on the chosen node (the cache then counts it for the next cycle). */
    public ScheduleResult scheduleOne(CompiledPod pod) {
        ScheduleResult r = schedule(pod, false);
        if (r.scheduled()) {
            nodes.pods().addPod(pod, r.node());
        }
        return r;
    }

    /**
     * One live cycle of pod {@code podIndex}: its nominated node first, then every node, with the
     * nominated pods of higher or equal priority counted where they wait; assumes the chosen node.
     */
    public ScheduleResult scheduleOne(CompiledPod pod, int podIndex) {
        int node = placeOne(pod, podIndex, false);
        return result(pod, node, false);
    }

    /**
     * The hot path: one cycle and the assume, returning the chosen node or -1, allocating nothing
     * when the pod fits. {@link #lastTieCount()} and {@link #lastFeasibleNodes()} describe the cycle.
     */
    public int place(CompiledPod pod) {
        return place(pod, true);
    }

    /** @param byClass whether the cycle may run by class of node ({@link ClassedCycle}), leaving no per-node scores */
    private int place(CompiledPod pod, boolean byClass) {
        int node = cycle(pod, false, byClass);
        if (node >= 0) {
            nodes.pods().addPod(pod, node);
        }
        return node;
    }

    ClassedCycle classedCycles() {
        return classed;
    }

    NodeResultCache resultCache() {
        return cache;
    }

    public int lastTieCount() {
        return scoring.tieCount();
    }

    public int lastFeasibleNodes() {
        return filtering.found();
    }

    /**
     * The live loop's hot path: {@link #scheduleOne(CompiledPod, int)} without building a result when
     * the pod fits; returns the node (assumed) or -1, and then {@link #lastFailure} describes the cycle.
     */
    public int placeOne(CompiledPod pod, int podIndex) {
        return placeOne(pod, podIndex, true);
    }

    private int placeOne(CompiledPod pod, int podIndex, boolean byClass) {
        filtering.cyclePod(podIndex);
        cycleNominatedNode = filtering.nominated().nodeOf(podIndex);
        try {
            return place(pod, byClass);
        } finally {
            filtering.cyclePod(-1);
            cycleNominatedNode = -1;
        }
    }

    /** The result of the last cycle, which found no node for {@code pod} (its FitError reasons). */
    public ScheduleResult lastFailure(CompiledPod pod) {
        return result(pod, -1, false);
    }

    /** One cycle without assuming; {@code explain} records every plugin's score and every rejection. */
    public ScheduleResult schedule(CompiledPod pod, boolean explain) {
        return result(pod, cycle(pod, explain, false), explain);
    }

    /** What the cycle that just ran says, from its scratch fields. */
    private ScheduleResult result(CompiledPod pod, int node, boolean explain) {
        int found = filtering.found();
        ScheduleResult.Explanation e = explain ? explanation(found > 1 ? found : 0) : null;
        if (node < 0) {
            Map<String, Integer> reasons = new LinkedHashMap<>();
            if (filtering.preFilterRejection() != null) {
                reasons.put(filtering.preFilterRejection(), evaluated);
            }
            for (int i = 0; i < filtering.rejected(); i++) {
                // a node with several reasons counts once under each, as FitError does
                for (String reason : filtering.rejectedReason(i).split(FilterPlugin.REASON_SEPARATOR)) {
                    reasons.merge(reason, 1, Integer::sum);
                }
            }
            return new ScheduleResult(pod.name, -1, null, 0, 0, evaluated, new int[0], Map.copyOf(reasons), e);
        }
        int[] tieNodes = new int[scoring.tieCount()];
        for (int t = 0; t < tieNodes.length; t++) {
            tieNodes[t] = filtering.feasible()[scoring.tie(t)];
        }
        long total = found == 1 ? 0 : scoring.topTotal();
        return new ScheduleResult(pod.name, node, nodes.name(node), total, found, evaluated, tieNodes, Map.of(), e);
    }

    /**
     * Runs PreFilter, Filter, Score and selection; leaves the cycle's facts in its two halves (by
     * class, the tied nodes and the feasible list are not listed: what a {@link #result} reads).
     */
    private int cycle(CompiledPod pod, boolean explain, boolean byClass) {
        filtering.reset();
        scoring.none();
        int[] all = nodes.order();
        evaluated = all.length;
        if (all.length == 0) {
            filtering.rejectAll(ScheduleResult.NO_NODES);
            return -1;
        }
        filtering.ensure(all.length);
        scoring.ensure(all.length);
        int[] candidates = filtering.preFilter(pod);
        if (candidates == null) {
            return -1;
        }
        if (cycleNominatedNode >= 0 && nodes.isAlive(cycleNominatedNode)
                && filtering.nominatedNodeFits(pod, cycleNominatedNode)) {
            evaluated = 1;
            scoring.single();
            return cycleNominatedNode;
        }
        NodeResultCache.Way way = cache.of(pod, candidates.length == 1 && candidates != all);
        if (byClass && candidates == all && scoring.scores()) {
            int node = classed.run(pod, way, all);
            if (node != ClassedCycle.NOT_HERE) {
                evaluated = classed.visited();
                return node;
            }
        }
        filtering.walk(pod, candidates, all.length, way, scoring, !explain && scoring.scores());
        int found = filtering.found();
        evaluated = found + filtering.rejected();
        if (found == 0) {
            return -1;
        }
        if (found == 1) {
            scoring.single();
            return filtering.feasible()[0];
        }
        return scoring.score(pod, filtering.feasible(), found, way, explain);
    }

    /**
     * The Filter plugins' verdict on one node for a pod of the live cycle {@code podIndex} (PreFilter
     * run again first, so it sees the node as it is now): null when it fits, else the reason. The
     * preemption dry run asks this with its victims taken off the node.
     */
    public String filterOne(CompiledPod pod, int podIndex, int node) {
        return filtering.filterOne(pod, podIndex, node);
    }

    /** The plugin that rejected the node in the last {@link #filterOne}. */
    public String lastFilterPlugin() {
        return filtering.lastFilterPlugin();
    }

    /** Nodes the last failed cycle's Filter plugins rejected (the FitError's statuses). */
    public int lastRejectedCount() {
        return filtering.rejected();
    }

    public int lastRejectedNode(int i) {
        return filtering.rejectedNode(i);
    }

    public String lastRejectedPlugin(int i) {
        return filtering.rejectedPlugin(i);
    }

    public String lastRejectedReason(int i) {
        return filtering.rejectedReason(i);
    }

    /** The PreFilter rejection of the last cycle (every node shares it), or null. */
    public String lastPreFilterRejection() {
        return filtering.preFilterRejection();
    }

    private ScheduleResult.Explanation explanation(int found) {
        List<ScheduleResult.Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < filtering.rejected(); i++) {
            rejections.add(new ScheduleResult.Rejection(nodes.name(filtering.rejectedNode(i)),
                    filtering.rejectedPlugin(i), filtering.rejectedReason(i)));
        }
        return new ScheduleResult.Explanation(scoring.pluginNames(), scoring.weights(),
                scoring.explained(filtering.feasible(), found), rejections);
    }

    /**
     * PreFilter and Filter of every modelled plugin for the pod on one node, without scoring or
     * assuming: null when the node fits, else the first rejection (what cluster-autoscaler's
     * predicate checker asks of a simulated node, {@code simulator/predicatechecker CheckPredicates}).
     */
    public String filterOn(CompiledPod pod, int node) {
        return predicates.filterOn(pod, node);
    }

    /**
     * The first node in node-tree order that passes PreFilter and Filter, or -1, without scoring or
     * assuming (cluster-autoscaler's {@code FitsAnyNode}).
     */
    public int firstFeasible(CompiledPod pod) {
        return predicates.firstFeasible(pod);
    }
}
