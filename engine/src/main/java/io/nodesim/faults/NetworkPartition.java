package io.nodesim.faults;

import io.nodesim.scenario.FaultSpec;

/**
 * The node is cut from the control plane: its writes are lost, its containers keep running and
 * its kubelet keeps its loop phase. At the end the next status computation posts Ready.
 */
public final class NetworkPartition implements Fault {
    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            ctx.hit(n, now, spec.type().yamlName());
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
