package io.nodesim.scheduler;

import io.nodesim.scheduler.plugins.FilterPlugin;
import io.nodesim.scheduler.plugins.PluginRegistry;
import java.util.Arrays;
import java.util.Set;

/**
 * The filtering half of a scheduling cycle (kubernetes pkg/scheduler/schedule_one.go
 * {@code findNodesThatFitPod}, {@code findNodesThatPassFilters}; framework/runtime
 * {@code RunPreFilterPlugins}, {@code RunFilterPluginsWithNominatedPods}): PreFilter, then the
 * Filter plugins over the zone-interleaved node list from {@code nextStartNodeIndex}, sequentially,
 * stopping at exactly K feasible nodes (the minimal processed count of the parallel upstream search).
 * The node-local filters' answers are cached per node and template ({@link NodeResultCache}); a node
 * where nominated pods wait is filtered with the ones that outrank the pod, then without them.
 * Also the one-node question preemption's dry run asks.
 */
final class CycleFiltering {
    /** NodeAffinity pinned the pod (matchFields metadata.name) to node names that do not exist. */
    static final String NO_PINNED_NODE = "node(s) didn't match Pod's node affinity/selector";
    private static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    private static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
    private final SchedulerCache nodes;
    private final int percentageOfNodesToScore;
    private final FilterPlugin[] filters;
    /** Whether each filter's answer depends only on the node's own state (its descriptor says so). */
    private final boolean[] filterLocal;
    private final FilterPlugin[] activeFilters;
    private final boolean[] activeLocal;
    /** How many filters PreFilter left active this cycle (the first of {@link #activeFilters}). */
    private int active;
    private final NominatedPods nominated = new NominatedPods();
    /** The pod of the live cycle (its index, so its own nomination is not counted against it), else -1. */
    private int cyclePod = -1;
    private int nextStartNodeIndex;
    private int[] feasible = new int[0];
    private int found;
    private int[] rejectedNodes = new int[0];
    private String[] rejectedReasons = new String[0];
    private String[] rejectedPlugins = new String[0];
    private int rejected;
    /** The candidate list of a cycle whose pod names one node. */
    private final int[] oneNode = new int[1];
    private static final int[] NO_CANDIDATES = new int[0];
    private String rejectedByPreFilter;
    /** The plugin that rejected the node in the last {@link #filterAll}. */
    private String lastFilterPlugin;

    CycleFiltering(SchedulerCache nodes, FilterPlugin[] filters, int percentageOfNodesToScore) {
        this.nodes = nodes;
        this.filters = filters;
        this.percentageOfNodesToScore = percentageOfNodesToScore;
        filterLocal = new boolean[filters.length];
        for (int i = 0; i < filters.length; i++) {
            filterLocal[i] = PluginRegistry.descriptor(filters[i].name()).filterNodeLocal();
        }
        activeFilters = new FilterPlugin[filters.length];
        activeLocal = new boolean[filters.length];
    }

    /** numFeasibleNodesToFind: all below 100 nodes, else the (adaptive) percentage, at least 100. */
    static int numFeasibleNodesToFind(int percentageOfNodesToScore, int numAllNodes) {
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

    /** K: how many feasible nodes a scoring cycle over {@code n} nodes looks for. */
    int feasibleToFind(int n) {
        return numFeasibleNodesToFind(percentageOfNodesToScore, n);
    }

    NominatedPods nominated() {
        return nominated;
    }

    /** The live cycle is pod {@code podIndex}'s (-1: none), so its own nomination is not counted against it. */
    void cyclePod(int podIndex) {
        cyclePod = podIndex;
    }

    int nextStartNodeIndex() {
        return nextStartNodeIndex;
    }

    void resumeAt(int index) {
        nextStartNodeIndex = index;
    }

    /** A new cycle: nothing found or rejected yet. */
    void reset() {
        found = 0;
        rejected = 0;
        rejectedByPreFilter = null;
    }

    /** Every node is rejected for one reason before any is looked at. */
    void rejectAll(String reason) {
        rejectedByPreFilter = reason;
    }

    /** Room for a cycle over {@code n} nodes. */
    void ensure(int n) {
        if (feasible.length >= n) {
            return;
        }
        feasible = new int[n];
        rejectedNodes = new int[n];
        rejectedReasons = new String[n];
        rejectedPlugins = new String[n];
    }

    /**
     * PreFilter: the candidate nodes in node-tree order (all of them, or those a plugin names), or
     * null when it rejects the pod ({@link #preFilterRejection}).
     */
    int[] preFilter(CompiledPod pod) {
        active = 0;
        int[] candidates = nodes.order();
        for (int i = 0; i < filters.length; i++) {
            FilterPlugin f = filters[i];
            String s = f.preFilter(pod);
            if (s == FilterPlugin.SKIP) {
                continue;
            }
            if (s != null) {
                rejectedByPreFilter = s;
                return null;
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
            return null;
        }
        return candidates;
    }

    /** evaluateNominatedNode: the pod's nominated node alone is its feasible list when it fits there. */
    boolean nominatedNodeFits(CompiledPod pod, int node) {
        if (filterWithNominated(pod, node, active) != null) {
            return false;
        }
        feasible[0] = node;
        found = 1;
        return true;
    }

    int[] feasible() {
        return feasible;
    }

    int found() {
        return found;
    }

    int rejected() {
        return rejected;
    }

    int rejectedNode(int i) {
        return rejectedNodes[i];
    }

    String rejectedPlugin(int i) {
        return rejectedPlugins[i];
    }

    String rejectedReason(int i) {
        return rejectedReasons[i];
    }

    String preFilterRejection() {
        return rejectedByPreFilter;
    }

    String lastFilterPlugin() {
        return lastFilterPlugin;
    }

    /**
     * Filter: sequential round-robin filtering from {@code nextStartNodeIndex} that stops at exactly K
     * feasible nodes, with the filters PreFilter left active. With {@code gather},
     * a feasible node's cached node-local score sum goes straight to the scoring's totals (the walk
     * reads the node's generation anyway); the others are listed as stale for the score pass.
     */
    void walk(CompiledPod pod, int[] candidates, int allNodes, NodeResultCache.Way way, CycleScoring scoring,
            boolean gather) {
        int local = 0;
        while (local < active && activeLocal[local]) {
            local++;
        }
        int n = candidates.length;
        int k = scoring.scores() ? numFeasibleNodesToFind(percentageOfNodesToScore, n) : 1;
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
            } else {
                reason = localVerdict(pod, node, w, generation, local);
                plugin = w.filterPlugin[node];
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
     * The node-local filters' answer for this template on the node at {@code generation} (the first
     * {@code local} active filters), cached in the way: computed again only once the node changed.
     */
    private String localVerdict(CompiledPod pod, int node, NodeResultCache.Way w, long generation, int local) {
        if (w.filterOwner[node] == pod && w.filterGeneration[node] == generation) {
            return w.filterReason[node];
        }
        String reason = null;
        String plugin = null;
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
            w.refused[node] = NodeResultCache.key(generation, w.epoch);
        }
        return reason;
    }

    /**
     * Whether every filter PreFilter left active is node-local and no nominated pod waits anywhere:
     * then whether a node is feasible depends on that node alone ({@link #passes}).
     */
    boolean nodeLocal() {
        for (int p = 0; p < active; p++) {
            if (!activeLocal[p]) {
                return false;
            }
        }
        return nominated.total() == 0;
    }

    /** Whether the node passes the cycle's filters, when {@link #nodeLocal()}. */
    boolean passes(CompiledPod pod, int node, NodeResultCache.Way w) {
        long generation = nodes.nodeGeneration(node);
        long key = NodeResultCache.key(generation, w.epoch);
        if (w.passed[node] == key) {
            return true;
        }
        return w.refused[node] != key && localVerdict(pod, node, w, generation, active) == null;
    }

    /**
     * The cycle's Filter walk ran elsewhere ({@link ClassedCycle}): it found {@code found} nodes
     * among the {@code visited} it looked at from {@code nextStartNodeIndex}. Its rejections are not
     * listed: only a cycle that finds no node reports them, and such a cycle walks here.
     */
    void walked(int found, int visited, int allNodes) {
        this.found = found;
        rejected = 0;
        nextStartNodeIndex = (nextStartNodeIndex + visited) % allNodes;
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
    String filterOne(CompiledPod pod, int podIndex, int node) {
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

    /** The named live nodes in node-tree order, found by name (a DaemonSet pod names one). */
    private int[] subset(Set<String> names) {
        if (names.size() == 1) {
            // a DaemonSet pod's node: one lookup into the cycle's own one-node list (100,000 at t = 0
            // in a 100,000-node cluster)
            int node = nodes.indexOf(names.iterator().next());
            if (node < 0 || nodes.orderPosition(node) < 0) {
                return NO_CANDIDATES;
            }
            oneNode[0] = node;
            return oneNode;
        }
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
}
