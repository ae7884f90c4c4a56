package io.nodesim.faults;

import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.FaultSpec;
import java.util.List;

/**
 * An operator (or a cloud controller) deletes the Node objects of the targets. The node lifecycle
 * controller stops monitoring them, the scheduler forgets them, and the pod garbage collector
 * force-deletes their pods after its 40 s quarantine. Delays are measured from the node's earlier
 * fault when it had one (the machine died, then the object was deleted), else from the deletion.
 * A deleted node stays deleted: the kubelet does not register it again.
 */
public final class NodeDelete implements Fault {
    public static final FaultType TYPE = new FaultType("NodeDelete", "the Node object is deleted", true, FaultType.Targeting.NODES,
            List.of(), NodeDelete::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        NodeObjects table = ctx.cluster().nodes();
        for (int n : nodes) {
            if (table.deleted(n)) {
                continue;
            }
            if (table.causeAt(n) == SimTime.NEVER) {
                ctx.hit(n, now, spec.type());
            } else {
                ctx.cluster().recorder().record(now, EventKind.NodeFault, table.name(n), spec.type());
            }
            ctx.cluster().deleteNode(n, now);
        }
    }
}
