package io.nodesim.faults;

import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.scenario.FaultSpec;
import java.util.List;

/**
 * An operator adds {@code node.kubernetes.io/out-of-service:NoExecute} to the targets (and removes
 * it at the end of the duration). The taint-eviction controller then deletes every pod that does
 * not tolerate it, DaemonSet pods included; the pod garbage collector force-deletes the Terminating
 * pods of a NotReady node with this taint at its next pass, and the attach-detach controller
 * detaches their volumes without waiting for the unmount (NodeOutOfServiceVolumeDetach).
 */
public final class OutOfServiceTaint implements Fault {
    public static final FaultType TYPE = new FaultType("OutOfServiceTaint", "node.kubernetes.io/out-of-service:NoExecute is added", false, FaultType.Targeting.NODES,
            List.of(), OutOfServiceTaint::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            ctx.cluster().recorder().record(now, EventKind.NodeFault, ctx.cluster().nodes().name(n),
                    spec.type());
            set(ctx, n, true, now);
        }
    }

    @Override
    public void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            set(ctx, n, false, now);
        }
    }

    private static void set(FaultContext ctx, int node, boolean present, long now) {
        NodeObjects nodes = ctx.cluster().nodes();
        if (nodes.hasTaint(node, ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE) == present) {
            return;
        }
        ctx.cluster().setNodeTaints(node, nodes.taints(node) ^ ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE, now);
    }
}
