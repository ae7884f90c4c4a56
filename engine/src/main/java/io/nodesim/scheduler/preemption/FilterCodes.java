package io.nodesim.scheduler.preemption;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.plugins.InterPodAffinity;
import io.nodesim.scheduler.plugins.NodeAffinity;
import io.nodesim.scheduler.plugins.NodeName;
import io.nodesim.scheduler.plugins.NodeResourcesFit;
import io.nodesim.scheduler.plugins.NodeUnschedulable;
import io.nodesim.scheduler.plugins.PodTopologySpread;
import io.nodesim.scheduler.plugins.TaintToleration;

/**
 * The Status code each Filter plugin gives a rejection: UnschedulableAndUnresolvable when removing
 * pods cannot help (NodeUnschedulable, NodeName, NodeAffinity, TaintToleration; InterPodAffinity's
 * ErrReasonAffinityRulesNotMatch; PodTopologySpread's missing label; NodeResourcesFit when a request
 * exceeds the node's allocatable, fit.go {@code Unresolvable}), else Unschedulable
 * (nodesWherePreemptionMightHelp keeps only those).
 */
final class FilterCodes {
    private FilterCodes() {
    }

    static boolean unresolvable(String plugin, String reason, CompiledPod pod, SchedulerCache nodes, int node) {
        if (plugin == null) {
            return true;
        }
        return switch (plugin) {
            case NodeUnschedulable.NAME, NodeName.NAME, NodeAffinity.NAME, TaintToleration.NAME -> true;
            case InterPodAffinity.NAME -> InterPodAffinity.REASON_AFFINITY.equals(reason);
            case PodTopologySpread.NAME -> PodTopologySpread.REASON_LABEL.equals(reason);
            case NodeResourcesFit.NAME -> exceedsAllocatable(pod, nodes, node);
            default -> false;
        };
    }

    private static boolean exceedsAllocatable(CompiledPod pod, SchedulerCache nodes, int node) {
        for (int r = 0; r < pod.requests.length; r++) {
            if (pod.requests[r] > 0 && pod.requests[r] > nodes.allocatable(r, node)) {
                return true;
            }
        }
        return false;
    }
}
