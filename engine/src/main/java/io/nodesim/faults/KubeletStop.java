package io.nodesim.faults;

import io.nodesim.kubelet.NodeFaultState;
import io.nodesim.scenario.FaultSpec;

/** The kubelet process stops: heartbeats stop, containers keep running. At the end it restarts. */
public final class KubeletStop implements Fault {
    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            ctx.hit(n, now, spec.type().yamlName());
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
