package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.Samples;
import io.nodesim.cluster.TaintListener;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.kernel.SimTime;

/**
 * {@code SwapNodeControllerTaint} / {@code RemoveTaintOffNode} of pkg/controller/util/node: the
 * node controller's taint writes, with their events, first-occurrence times and the watch
 * notification of the taint-eviction controller.
 */
final class TaintWriter {
    private final ClusterState cluster;
    private final Samples samples;
    private TaintListener listener = (node, time) -> { };

    TaintWriter(ClusterState cluster, Samples samples) {
        this.cluster = cluster;
        this.samples = samples;
    }

    void setListener(TaintListener listener) {
        this.listener = listener;
    }

    /** Adds the {@code add} bits and removes the {@code remove} bits; false when the API is down. */
    boolean swap(int node, int add, int remove, long now) {
        if (!cluster.controlPlane().isUp(now)) {
            return false;
        }
        NodeObjects nodes = cluster.nodes();
        int before = nodes.taints[node];
        int after = (before | add) & ~remove;
        if (after == before) {
            return true;
        }
        nodes.taints[node] = after;
        String name = nodes.names[node];
        for (int bit = 1; bit <= ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE; bit <<= 1) {
            if ((after & bit) != 0 && (before & bit) == 0) {
                cluster.recorder().record(now, EventKind.TaintAdded, name, ControllerTaints.describe(bit));
                firstTime(node, bit, before, now);
            } else if ((before & bit) != 0 && (after & bit) == 0) {
                cluster.recorder().record(now, EventKind.TaintRemoved, name, ControllerTaints.describe(bit));
            }
        }
        if (((before ^ after) & ControllerTaints.NO_EXECUTE_MASK) != 0) {
            listener.noExecuteTaintsChanged(node, now);
        }
        cluster.nodeChanged(node, now);
        return true;
    }

    private void firstTime(int node, int bit, int before, long now) {
        NodeObjects nodes = cluster.nodes();
        if ((bit & ControllerTaints.NO_SCHEDULE_MASK) != 0 && nodes.noScheduleTaintAt[node] == SimTime.NEVER) {
            nodes.noScheduleTaintAt[node] = now;
        }
        // A swap between unreachable and not-ready continues the same NoExecute episode.
        if ((bit & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) != 0 && (before & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) == 0) {
            if (nodes.noExecuteTaintAt[node] == SimTime.NEVER) {
                nodes.noExecuteTaintAt[node] = now;
            }
            samples.addSince(Samples.TIME_TO_NOEXECUTE_TAINT, nodes.causeAt[node], now);
        }
    }
}
