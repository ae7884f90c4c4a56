package io.nodesim.faults;

import io.nodesim.kubelet.NodeFaultState;
import io.nodesim.scenario.FaultSpec;
import java.util.List;

/** The kubelet process stops: heartbeats stop, containers keep running. At the end it restarts. */
public final class KubeletStop implements Fault {
    public static final FaultType TYPE = new FaultType("KubeletStop", "heartbeats stop, containers keep running", false, FaultType.Targeting.NODES,
            List.of(), KubeletStop::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            ctx.hit(n, now, spec.type());
            ctx.nodeFaults().stopKubelet(n, now, NodeFaultState.KUBELET_STOPPED);
        }
    }

    @Override
    public void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            if (ctx.nodeFaults().restartKubelet(n, now, NodeFaultState.KUBELET_STOPPED)) {
                ctx.kubelet().faultEnded(n, now, true);
            }
        }
    }
}
