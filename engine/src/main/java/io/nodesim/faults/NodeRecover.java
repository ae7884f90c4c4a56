package io.nodesim.faults;

import io.nodesim.kubelet.NodeFaultState;
import io.nodesim.scenario.FaultSpec;
import java.util.List;

/** Ends every fault of the targets early: reboot, restart, heal, no more delay, the runtime answering. */
public final class NodeRecover implements Fault {
    public static final FaultType TYPE = new FaultType("NodeRecover", "ends every fault of the targets", true, FaultType.Targeting.NODES,
            List.of(), NodeRecover::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        NodeFaultState f = ctx.nodeFaults();
        for (int n : nodes) {
            if (f.has(n, NodeFaultState.CRASHED)) {
                ctx.cluster().nodes().setContainersRunning(n, true);
                if (ctx.kubelet().shutdownManager() != null) {
                    ctx.kubelet().shutdownManager().booted(n);
                }
            }
            boolean restarted = f.restartKubelet(n, now, NodeFaultState.CRASHED);
            restarted |= f.restartKubelet(n, now, NodeFaultState.KUBELET_STOPPED);
            boolean healed = f.heal(n, now);
            healed |= f.endDelay(n, now);
            if (restarted || healed) {
                ctx.kubelet().faultEnded(n, now, restarted);
            }
            ctx.kubelet().runtimeStarted(n, now);
        }
    }
}
