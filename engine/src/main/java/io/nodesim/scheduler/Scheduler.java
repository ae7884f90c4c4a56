package io.nodesim.scheduler;

import io.nodesim.scheduler.SchedulerConfiguration.WeightedPlugin;
import io.nodesim.scheduler.plugins.FilterPlugin;
import io.nodesim.scheduler.plugins.PluginRegistry;
import io.nodesim.scheduler.plugins.ScorePlugin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One kube-scheduler profile running scheduling cycles (kubernetes pkg/scheduler/schedule_one.go:
 * {@code schedulePod}, {@code findNodesThatFitPod}, {@code numFeasibleNodesToFind},
 * {@code prioritizeNodes}, {@code selectHost}). Filtering walks the zone-interleaved node list from
 * {@code nextStartNodeIndex}, sequentially, and stops at exactly K feasible nodes (the minimal
 * processed count of the parallel upstream search); one feasible node is chosen without scoring;
 * ties are broken uniformly from the given stream ("scheduler.ties").
 *
 * <p>The hot path allocates nothing per node: scratch arrays are sized to the cluster and reused.
 */
public final class Scheduler {
    static final String NO_NODES = "no nodes available to schedule pods";
    /** NodeAffinity pinned the pod (matchFields metadata.name) to node names that do not exist. */
    private static final String NO_PINNED_NODE = "node(s) didn't match Pod's node affinity/selector";
    private static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    private static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

    private final SchedulerCache nodes;
    private final SchedulerConfiguration config;
    private final FilterPlugin[] filters;
    /** Whether each filter's answer depends only on the node's own state (its descriptor says so). */
    private final boolean[] filterLocal;
    private final FilterPlugin[] activeFilters;
    private final boolean[] activeLocal;
    private final CycleScoring scoring;
    private int nextStartNodeIndex;
    private int[] feasible = new int[0];
    private int[] rejectedNodes = new int[0];
    private String[] rejectedReasons = new String[0];
    private String[] rejectedPlugins = new String[0];
    private int found;
    private int rejected;
    private int evaluated;
    private String rejectedByPreFilter;
    private final NodeResultCache cache;
    /** The cycle's template's entries in {@link #cache}. */
    private NodeResultCache.Way way;
    private final NominatedPods nominated = new NominatedPods();
    /** The pod of the live cycle (its index, so its own nomination is not counted against it), else -1. */
    private int cyclePod = -1;
    /** The cycle pod's nominated node, tried first (evaluateNominatedNode), else -1. */
    private int cycleNominatedNode = -1;
    /** The plugin that rejected the node in the last {@link #filterAll}. */
    private String lastFilterPlugin;

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
        filters = f.toArray(new FilterPlugin[0]);
        filterLocal = new boolean[filters.length];
        for (int i = 0; i < filters.length; i++) {
            filterLocal[i] = PluginRegistry.descriptor(filters[i].name()).filterNodeLocal();
        }
        activeFilters = new FilterPlugin[filters.length];
        activeLocal = new boolean[filters.length];
        scoring = new CycleScoring(nodes, s.toArray(new ScorePlugin[0]), w.stream().mapToInt(Integer::intValue).toArray(),
                ties);
        cache = new NodeResultCache(nodes, scoring.plugins());
    }

    public SchedulerConfiguration configuration() {
        return config;
    }

    public SchedulerCache nodes() {
        return nodes;
    }

    /** The pods waiting on their nominated nodes (PostFilter sets them; the filters leave room for them). */
    public NominatedPods nominated() {
        return nominated;
    }

    public int nextStartNodeIndex() {
        return nextStartNodeIndex;
    }

    /** Round-robin filtering goes on from {@code index}, as after the cycles of a replayed placement. */
    void resumeAt(int index) {
        nextStartNodeIndex = index;
    }

    /** numFeasibleNodesToFind: all below 100 nodes, else the (adaptive) percentage, at least 100. */
    public static int numFeasibleNodesToFind(int percentageOfNodesToScore, int numAllNodes) {
        if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) {
            return numAllNodes;
        }
        int percentage = percentageOfNodesToScore;
        if (percentage == 0) {
            percentage = Math.max(50 - numAllNodes / 125, MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
        }
        int n = (int) ((long) numAllNodes * percentage / 100);
        return Math.max(n, MIN_FEASIBLE_NODES_TO_FIND);
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
        int node = placeOne(pod, podIndex);
        return result(pod, node, false);
    }

    /**
     * The hot path: one cycle and the assume, returning the chosen node or -1, allocating nothing
     * when the pod fits. {@link #lastTieCount()} and {@link #lastFeasibleNodes()} describe the cycle.
     */
    public int place(CompiledPod pod) {
        int node = cycle(pod, false);
        if (node >= 0) {
            nodes.pods().addPod(pod, node);
        }
        return node;
    }

    public int lastTieCount() {
        return scoring.tieCount();
    }

    public int lastFeasibleNodes() {
        return found;
    }

    /**
     * The live loop's hot path: {@link #scheduleOne(CompiledPod, int)} without building a result when
     * the pod fits; returns the node (assumed) or -1, and then {@link #lastFailure} describes the cycle.
     */
    public int placeOne(CompiledPod pod, int podIndex) {
        cyclePod = podIndex;
        cycleNominatedNode = nominated.nodeOf(podIndex);
        try {
            return place(pod);
        } finally {
            cyclePod = -1;
            cycleNominatedNode = -1;
        }
    }

    /** The result of the last cycle, which found no node for {@code pod} (its FitError reasons). */
    public ScheduleResult lastFailure(CompiledPod pod) {
        return result(pod, -1, false);
    }

    /** One cycle without assuming; {@code explain} records every plugin's score and every rejection. */
    public ScheduleResult schedule(CompiledPod pod, boolean explain) {
        return result(pod, cycle(pod, explain), explain);
    }

    /** What the cycle that just ran says, from its scratch fields. */
    private ScheduleResult result(CompiledPod pod, int node, boolean explain) {
        ScheduleResult.Explanation e = explain ? explanation(found > 1 ? found : 0, rejected) : null;
        if (node < 0) {
            Map<String, Integer> reasons = new LinkedHashMap<>();
            if (rejectedByPreFilter != null) {
                reasons.put(rejectedByPreFilter, evaluated);
            }
            for (int i = 0; i < rejected; i++) {
                // a node with several reasons counts once under each, as FitError does
                for (String reason : rejectedReasons[i].split(FilterPlugin.REASON_SEPARATOR)) {
                    reasons.merge(reason, 1, Integer::sum);
                }
            }
            return new ScheduleResult(pod.name, -1, null, 0, 0, evaluated, new int[0], Map.copyOf(reasons), e);
        }
        int[] tieNodes = new int[scoring.tieCount()];
        for (int t = 0; t < tieNodes.length; t++) {
            tieNodes[t] = feasible[scoring.tie(t)];
        }
        long total = found == 1 ? 0 : scoring.topTotal();
        return new ScheduleResult(pod.name, node, nodes.name(node), total, found, evaluated, tieNodes, Map.of(), e);
    }

    /** Runs PreFilter, Filter, Score and selection; leaves the cycle's facts in the scratch fields. */
    private int cycle(CompiledPod pod, boolean explain) {
        found = 0;
        rejected = 0;
        scoring.none();
        rejectedByPreFilter = null;
        int[] all = nodes.order();
        evaluated = all.length;
        if (all.length == 0) {
            rejectedByPreFilter = NO_NODES;
            return -1;
        }
        ensureScratch(all.length);
        int active = 0;
        int[] candidates = all;
        for (int i = 0; i < filters.length; i++) {
            FilterPlugin f = filters[i];
            String s = f.preFilter(pod);
            if (s == FilterPlugin.SKIP) {
                continue;
            }
            if (s != null) {
                rejectedByPreFilter = s;
                return -1;
            }
            activeLocal[active] = filterLocal[i];
            activeFilters[active++] = f;
            Set<String> names = f.preFilterNodeNames(pod);
            if (names != null) {
                candidates = subset(names);
            }
        }
        if (candidates.length == 0) {
            rejectedByPreFilter = NO_PINNED_NODE;
            return -1;
        }
        if (cycleNominatedNode >= 0 && nodes.isAlive(cycleNominatedNode)
                && filterWithNominated(pod, cycleNominatedNode, active) == null) {
            feasible[0] = cycleNominatedNode;
            found = 1;
            evaluated = 1;
            scoring.single();
            return cycleNominatedNode;
        }
        way = cache.of(pod);
        filter(pod, candidates, active, all.length, !explain && scoring.scores());
        evaluated = found + rejected;
        if (found == 0) {
            return -1;
        }
        if (found == 1) {
            scoring.single();
            return feasible[0];
        }
        return scoring.score(pod, feasible, found, way, explain);
    }

    /**
     * Sequential round-robin filtering that stops at exactly K feasible nodes. With {@code gather},
     * a feasible node's cached node-local score sum goes straight to the scoring's totals (the walk
     * reads the node's generation anyway); the others are listed as stale for the score pass.
     */
    private void filter(CompiledPod pod, int[] candidates, int active, int allNodes, boolean gather) {
        int local = 0;
        while (local < active && activeLocal[local]) {
            local++;
        }
        int n = candidates.length;
        int k = scoring.scores() ? numFeasibleNodesToFind(config.percentageOfNodesToScore(), n) : 1;
        NodeResultCache.Way w = way;
        boolean anyNominated = nominated.total() > 0;
        // every active filter node-local and no nominated pod anywhere: a node known to pass the
        // filters and scored at its generation needs nothing more, and runs of such nodes are walked
        // with everything in locals
        boolean fast = local == active && !anyNominated;
        long epoch = w.epoch;
        long[] totals = scoring.totals();
        int[] stale = scoring.stale();
        int staleCount = 0;
        int position = nextStartNodeIndex % n;
        int i = 0;
        while (i < n && found < k) {
            if (fast) {
                long[] generations = nodes.nodeGenerations();
                long[] passed = w.passed;
                long[] refused = w.refused;
                long[] sums = w.localSum;
                int[] out = feasible;
                long[] sum = totals;
                int f = found;
                int r = rejected;
                while (i < n && f < k) {
                    int node = candidates[position];
                    long key = NodeResultCache.key(generations[node], epoch);
                    if (passed[node] == key) {
                        if (gather) {
                            sum[f] = sums[node];
                        }
                        out[f++] = node;
                    } else if (refused[node] == key) {
                        rejectedNodes[r] = node;
                        rejectedPlugins[r] = w.filterPlugin[node];
                        rejectedReasons[r++] = w.filterReason[node];
                    } else {
                        break;
                    }
                    i++;
                    if (++position == n) {
                        position = 0;
                    }
                }
                found = f;
                rejected = r;
                if (i == n || found == k) {
                    break;
                }
            }
            int node = candidates[position];
            if (++position == n) {
                position = 0;
            }
            i++;
            long generation = nodes.nodeGeneration(node);
            String reason = null;
            String plugin = null;
            int rest = local;
            if (anyNominated && nominated.countOn(node) > 0) {
                // not cached: the answer depends on which nominated pods outrank this one
                reason = filterWithNominated(pod, node, active);
                plugin = lastFilterPlugin;
                rest = active;
            } else if (w.filterOwner[node] == pod && w.filterGeneration[node] == generation) {
                // the node-local filters' answer for this template on this unchanged node
                reason = w.filterReason[node];
                plugin = w.filterPlugin[node];
            } else {
                for (int p = 0; p < local; p++) {
                    reason = activeFilters[p].filter(pod, node);
                    if (reason != null) {
                        plugin = activeFilters[p].name();
                        break;
                    }
                }
                w.filterOwner[node] = pod;
                w.filterGeneration[node] = generation;
                w.filterReason[node] = reason;
                w.filterPlugin[node] = plugin;
                if (reason != null) {
                    // rejected by the node-local filters alone: so it stays while the node is unchanged
                    w.refused[node] = NodeResultCache.key(generation, epoch);
                }
            }
            for (int p = rest; p < active && reason == null; p++) {
                reason = activeFilters[p].filter(pod, node);
                if (reason != null) {
                    plugin = activeFilters[p].name();
                }
            }
            if (reason == null) {
                if (gather) {
                    // re-read: nominated pods added and taken off for the filters moved the generation
                    long g = nodes.nodeGeneration(node);
                    if (w.scoreOwner[node] == pod && w.scoreGeneration[node] == g) {
                        totals[found] = w.localSum[node];
                        w.passed[node] = NodeResultCache.key(g, epoch);
                    } else {
                        stale[staleCount++] = found;
                    }
                }
                feasible[found++] = node;
            } else {
                rejectedNodes[rejected] = node;
                rejectedPlugins[rejected] = plugin;
                rejectedReasons[rejected++] = reason;
            }
        }
        scoring.staleCount(staleCount);
        nextStartNodeIndex = (nextStartNodeIndex + found + rejected) % allNodes;
    }

    /**
     * RunFilterPluginsWithNominatedPods: the filters with the nominated pods that outrank the cycle's
     * pod accounted on the node, then, if any were and the node passed, without them (both must pass).
     */
    private String filterWithNominated(CompiledPod pod, int node, int active) {
        int added = nominated.countOn(node) == 0 ? 0 : nominated.addTo(nodes.pods(), node, pod.priority, cyclePod);
        String reason = filterAll(pod, node, active);
        if (added > 0) {
            nominated.removeFrom(nodes.pods(), node, pod.priority, cyclePod);
            if (reason == null) {
                reason = filterAll(pod, node, active);
            }
        }
        return reason;
    }

    private String filterAll(CompiledPod pod, int node, int active) {
        lastFilterPlugin = null;
        for (int p = 0; p < active; p++) {
            String reason = activeFilters[p].filter(pod, node);
            if (reason != null) {
                lastFilterPlugin = activeFilters[p].name();
                return reason;
            }
        }
        return null;
    }

    /**
     * The Filter plugins' verdict on one node for a pod of the live cycle {@code podIndex} (PreFilter
     * run again first, so it sees the node as it is now): null when it fits, else the reason. The
     * preemption dry run asks this with its victims taken off the node.
     */
    public String filterOne(CompiledPod pod, int podIndex, int node) {
        int active = 0;
        for (int i = 0; i < filters.length; i++) {
            String s = filters[i].preFilter(pod);
            if (s == FilterPlugin.SKIP) {
                continue;
            }
            if (s != null) {
                lastFilterPlugin = filters[i].name();
                return s;
            }
            Set<String> names = filters[i].preFilterNodeNames(pod);
            if (names != null && !names.contains(nodes.name(node))) {
                lastFilterPlugin = filters[i].name();
                return NO_PINNED_NODE;
            }
            activeLocal[active] = filterLocal[i];
            activeFilters[active++] = filters[i];
        }
        int saved = cyclePod;
        cyclePod = podIndex;
        try {
            return filterWithNominated(pod, node, active);
        } finally {
            cyclePod = saved;
        }
    }

    /** The plugin that rejected the node in the last {@link #filterOne}. */
    public String lastFilterPlugin() {
        return lastFilterPlugin;
    }

    /** Nodes the last failed cycle's Filter plugins rejected (the FitError's statuses). */
    public int lastRejectedCount() {
        return rejected;
    }

    public int lastRejectedNode(int i) {
        return rejectedNodes[i];
    }

    public String lastRejectedPlugin(int i) {
        return rejectedPlugins[i];
    }

    public String lastRejectedReason(int i) {
        return rejectedReasons[i];
    }

    /** The PreFilter rejection of the last cycle (every node shares it), or null. */
    public String lastPreFilterRejection() {
        return rejectedByPreFilter;
    }

    /** The named live nodes in node-tree order, found by name (a DaemonSet pod names one). */
    private int[] subset(Set<String> names) {
        int[] positions = new int[names.size()];
        int n = 0;
        for (String name : names) {
            int node = nodes.indexOf(name);
            if (node >= 0) {
                positions[n++] = nodes.orderPosition(node);
            }
        }
        Arrays.sort(positions, 0, n);
        int[] all = nodes.order();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = all[positions[i]];
        }
        return out;
    }

    private ScheduleResult.Explanation explanation(int found, int rejected) {
        List<ScheduleResult.Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < rejected; i++) {
            rejections.add(new ScheduleResult.Rejection(nodes.name(rejectedNodes[i]), rejectedPlugins[i],
                    rejectedReasons[i]));
        }
        return new ScheduleResult.Explanation(scoring.pluginNames(), scoring.weights(), scoring.explained(feasible, found),
                rejections);
    }

    private void ensureScratch(int n) {
        scoring.ensure(n);
        if (feasible.length >= n) {
            return;
        }
        feasible = new int[n];
        rejectedNodes = new int[n];
        rejectedReasons = new String[n];
        rejectedPlugins = new String[n];
    }

    /**
     * PreFilter and Filter of every modelled plugin for the pod on one node, without scoring or
     * assuming: null when the node fits, else the first rejection (what cluster-autoscaler's
     * predicate checker asks of a simulated node, {@code simulator/predicatechecker CheckPredicates}).
     */
    public String filterOn(CompiledPod pod, int node) {
        int active = preFilterOnly(pod);
        if (active < 0) {
            return rejectedByPreFilter;
        }
        return filterOnly(pod, node, active);
    }

    /**
     * The first node in node-tree order that passes PreFilter and Filter, or -1, without scoring or
     * assuming (cluster-autoscaler's {@code FitsAnyNode}).
     */
    public int firstFeasible(CompiledPod pod) {
        int active = preFilterOnly(pod);
        if (active < 0) {
            return -1;
        }
        for (int node : nodes.order()) {
            if (filterOnly(pod, node, active) == null) {
                return node;
            }
        }
        return -1;
    }

    /** Runs PreFilter; the active filters are left in {@link #activeFilters}; -1 when it rejects the pod. */
    private int preFilterOnly(CompiledPod pod) {
        int active = 0;
        for (FilterPlugin f : filters) {
            String s = f.preFilter(pod);
            if (s == FilterPlugin.SKIP) {
                continue;
            }
            if (s != null) {
                rejectedByPreFilter = s;
                return -1;
            }
            activeFilters[active++] = f;
        }
        return active;
    }

    private String filterOnly(CompiledPod pod, int node, int active) {
        for (int p = 0; p < active; p++) {
            Set<String> names = activeFilters[p].preFilterNodeNames(pod);
            if (names != null && !names.contains(nodes.name(node))) {
                return NO_PINNED_NODE;
            }
            String reason = activeFilters[p].filter(pod, node);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }
}
