package io.nodesim.faults;

import io.nodesim.scenario.FaultSpec;
import java.util.List;

/**
 * kube-controller-manager's process stops at {@code at} and a new one starts {@code duration} later
 * (none: at once); every controller's state is rebuilt (spec §1.11). The process is all this fault
 * changes: when the new instance's controllers run is the controller manager's leader election
 * ({@link io.nodesim.controllermanager.LeaderElection}).
 */
public final class ControllerManagerRestart implements Fault {
    public static final FaultType TYPE = new FaultType("ControllerManagerRestart", "kube-controller-manager stops; a new process starts after duration and leads once the old Lease has expired for it", false, FaultType.Targeting.NONE,
            List.of(), ControllerManagerRestart::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        long downtime = spec.permanent() ? 0 : spec.duration();
        ctx.cluster().controlPlane().restartControllerManager(now, downtime);
        ctx.cluster().recorder().record(now, io.nodesim.cluster.EventKind.NodeFault, "kube-controller-manager",
                spec.type());
    }
}
