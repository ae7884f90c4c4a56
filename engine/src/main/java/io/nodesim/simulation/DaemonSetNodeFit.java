package io.nodesim.simulation;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.Symbols;
import io.nodesim.scheduler.TaintEffects;
import io.nodesim.workloads.DaemonSetController;

/**
 * The DaemonSet controller's taint predicate ({@code pkg/controller/daemon/daemon_controller.go}
 * {@code predicates}: every NoSchedule and NoExecute taint of the node tolerated) over the
 * controller-managed taints, with the DaemonSet's compiled template (its own tolerations plus those
 * the controller adds). The scenario's own taints never change, and the node ran the pod before.
 */
final class DaemonSetNodeFit implements DaemonSetController.NodeFit {
    private final ClusterState cluster;
    private final SchedulerPlacement placement;

    DaemonSetNodeFit(ClusterState cluster, SchedulerPlacement placement) {
        this.cluster = cluster;
        this.placement = placement;
    }

    @Override
    public boolean fits(int workload, int node) {
        CompiledPod pod = placement.workloadTemplate(workload);
        Symbols symbols = placement.nodes().symbols();
        int taints = cluster.nodes().taints(node);
        for (int bit : SchedulerEventHandlers.BITS) {
            if ((taints & bit) != 0 && !pod.tolerates(symbols.intern(ControllerTaints.key(bit)),
                    symbols.intern(""), TaintEffects.ofControllerTaint(bit))) {
                return false;
            }
        }
        return true;
    }
}
