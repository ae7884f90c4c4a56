package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.Samples;

/**
 * {@code SwapNodeControllerTaint} / {@code RemoveTaintOffNode} of pkg/controller/util/node: the
 * node controller's taint writes, which fail while the API server is down, and the
 * time-to-NoExecute sample of each NoExecute episode they start.
 */
final class TaintWriter {
    private final ClusterState cluster;
    private final Samples samples;

    TaintWriter(ClusterState cluster, Samples samples) {
        this.cluster = cluster;
        this.samples = samples;
    }

    /** Adds the {@code add} bits and removes the {@code remove} bits; false when the API is down. */
    boolean swap(int node, int add, int remove, long now) {
        if (!cluster.controlPlane().isUp(now)) {
            return false;
        }
        int before = cluster.nodes().taints(node);
        int after = (before | add) & ~remove;
        cluster.setNodeTaints(node, after, now);
        // A swap between unreachable and not-ready continues the same NoExecute episode.
        if ((before & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) == 0
                && (after & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) != 0) {
            samples.addSince(Samples.TIME_TO_NOEXECUTE_TAINT, cluster.nodes().causeAt(node), now);
        }
        return true;
    }
}
