package io.nodesim.faults;

import io.nodesim.scenario.FaultSpec;
import java.util.List;

/**
 * The node is cut from the control plane: its writes are lost, its containers keep running and
 * its kubelet keeps its loop phase. At the end the next status computation posts Ready.
 */
public final class NetworkPartition implements Fault {
    public static final FaultType TYPE = new FaultType("NetworkPartition", "node cut from the control plane, containers running", false, FaultType.Targeting.NODES,
            List.of(), NetworkPartition::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            ctx.hit(n, now, spec.type());
            ctx.nodeFaults().partition(n, now);
        }
    }

    @Override
    public void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            if (ctx.nodeFaults().heal(n, now)) {
                ctx.kubelet().faultEnded(n, now, false);
            }
        }
    }
}
