package io.nodesim.faults;

import io.nodesim.kubelet.NodeFaultState;
import io.nodesim.kubelet.NodeShutdownManager;
import io.nodesim.scenario.FaultSpec;
import java.util.List;

/**
 * The machine is shut down by its OS (a maintenance reboot, a spot or preemptible instance
 * reclaimed with notice, {@code systemctl poweroff}): the kubelet's {@link NodeShutdownManager}
 * posts Ready=False at once and terminates the pods by priority within the kubelet's
 * {@code shutdownGracePeriod} / {@code shutdownGracePeriodCriticalPods} /
 * {@code shutdownGracePeriodByPodPriority}, marking them Failed, so their controllers replace them
 * then; the machine powers off after the last group. Without those settings (both 0, the default)
 * the shutdown is immediate: a {@link NodeCrash}. At the end of the duration the machine boots.
 */
public final class GracefulNodeShutdown implements Fault {
    public static final FaultType TYPE = new FaultType("GracefulNodeShutdown",
            "OS shutdown: kubelet posts Ready=False, terminates pods by priority within shutdownGracePeriod, powers off",
            false, FaultType.Targeting.NODES,
            List.of(FaultField.distribution("podExit", false, "uniform(1s, 10s)")), GracefulNodeShutdown::new);

    private final NodeCrash crash = new NodeCrash();

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        NodeShutdownManager manager = ctx.kubelet().shutdownManager();
        if (manager == null || !manager.enabled()) {
            crash.start(ctx, spec, nodes, now);
            return;
        }
        for (int n : nodes) {
            if (ctx.nodeFaults().has(n, NodeFaultState.CRASHED)) {
                continue;
            }
            ctx.hit(n, now, spec.type());
            manager.shutdown(n, now, spec.distribution("podExit"));
        }
    }

    @Override
    public void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        NodeShutdownManager manager = ctx.kubelet().shutdownManager();
        if (manager != null) {
            for (int n : nodes) {
                manager.booted(n);
            }
        }
        crash.end(ctx, spec, nodes, now);
    }
}
