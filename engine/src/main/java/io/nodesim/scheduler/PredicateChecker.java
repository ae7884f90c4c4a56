package io.nodesim.scheduler;

import io.nodesim.scheduler.plugins.FilterPlugin;
import java.util.Set;

/**
 * PreFilter and Filter without a scheduling cycle: whether a pod fits one node, or the first node it
 * fits, neither scored nor assumed (cluster-autoscaler's {@code simulator/predicatechecker}
 * {@code CheckPredicates} and {@code FitsAnyNode}). Its own scratch, so a question asked between
 * cycles leaves the last cycle's answers alone.
 */
final class PredicateChecker {
    private final SchedulerCache nodes;
    private final FilterPlugin[] filters;
    private final FilterPlugin[] activeFilters;
    private String preFilterRejection;

    PredicateChecker(SchedulerCache nodes, FilterPlugin[] filters) {
        this.nodes = nodes;
        this.filters = filters;
        this.activeFilters = new FilterPlugin[filters.length];
    }

    /**
     * PreFilter and Filter of every modelled plugin for the pod on one node, without scoring or
     * assuming: null when the node fits, else the first rejection (what cluster-autoscaler's
     * predicate checker asks of a simulated node, {@code simulator/predicatechecker CheckPredicates}).
     */
    String filterOn(CompiledPod pod, int node) {
        int active = preFilterOnly(pod);
        if (active < 0) {
            return preFilterRejection;
        }
        return filterOnly(pod, node, active);
    }

    /**
     * The first node in node-tree order that passes PreFilter and Filter, or -1, without scoring or
     * assuming (cluster-autoscaler's {@code FitsAnyNode}).
     */
    int firstFeasible(CompiledPod pod) {
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
                preFilterRejection = s;
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
                return CycleFiltering.NO_PINNED_NODE;
            }
            String reason = activeFilters[p].filter(pod, node);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }
}
