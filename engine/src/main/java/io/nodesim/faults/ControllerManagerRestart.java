package io.nodesim.faults;

import io.nodesim.scenario.FaultSpec;

/**
 * kube-controller-manager restarts (or fails over): node lifecycle and taint-eviction state is
 * rebuilt (spec §1.11). A finite {@code duration} is the time until the new instance runs.
 */
public final class ControllerManagerRestart implements Fault {
    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        long downtime = spec.permanent() ? 0 : spec.duration();
        ctx.cluster().controlPlane().restartControllerManager(now, downtime);
        ctx.cluster().recorder().record(now, io.nodesim.cluster.EventKind.NodeFault, "kube-controller-manager",
                spec.type().yamlName());
    }

    @Override
    public void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        // The new instance was already scheduled to start at the end of the downtime.
    }
}
