package io.nodesim.faults;

import io.nodesim.scenario.FaultSpec;
import java.util.List;

/**
 * kube-controller-manager restarts (or fails over): node lifecycle and taint-eviction state is
 * rebuilt (spec §1.11). A finite {@code duration} is the time until the new instance runs.
 */
public final class ControllerManagerRestart implements Fault {
    public static final FaultType TYPE = new FaultType("ControllerManagerRestart", "kube-controller-manager restarts: every controller rebuilds its state (spec §1.11)", true, FaultType.Targeting.NONE,
            List.of(), ControllerManagerRestart::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        long downtime = spec.permanent() ? 0 : spec.duration();
        ctx.cluster().controlPlane().restartControllerManager(now, downtime);
        ctx.cluster().recorder().record(now, io.nodesim.cluster.EventKind.NodeFault, "kube-controller-manager",
                spec.type());
    }
}
