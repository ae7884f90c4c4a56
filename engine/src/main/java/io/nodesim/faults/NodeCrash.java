package io.nodesim.faults;

import io.nodesim.kubelet.NodeFaultState;
import io.nodesim.scenario.FaultSpec;
import java.util.List;

/** The machine is gone: no heartbeats, containers dead. At the end it reboots and the kubelet starts. */
public final class NodeCrash implements Fault {
    public static final FaultType TYPE = new FaultType("NodeCrash", "machine gone: no heartbeats, containers dead", false, FaultType.Targeting.NODES,
            List.of(), NodeCrash::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            ctx.hit(n, now, spec.type());
            ctx.nodeFaults().stopKubelet(n, now, NodeFaultState.CRASHED);
            ctx.cluster().nodes().setContainersRunning(n, false);
        }
    }

    @Override
    public void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            if (ctx.nodeFaults().has(n, NodeFaultState.CRASHED)) {
                ctx.cluster().nodes().setContainersRunning(n, true);
            }
            if (ctx.nodeFaults().restartKubelet(n, now, NodeFaultState.CRASHED)) {
                ctx.kubelet().faultEnded(n, now, true);
            }
        }
    }
}
