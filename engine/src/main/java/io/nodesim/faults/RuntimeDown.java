package io.nodesim.faults;

import io.nodesim.kubelet.RuntimeHealth;
import io.nodesim.scenario.FaultSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The node's container runtime stops answering (containerd / CRI-O down, or hung so that the PLEG
 * relist stalls) while the kubelet keeps running: its Lease and NodeStatus heartbeats go on and its
 * Ready condition turns False ({@code KubeletNotReady}), so the not-ready taints and the not-ready
 * toleration apply, not the unreachable ones. The containers keep running (the kubelet neither
 * starts nor kills any; see {@link RuntimeHealth}). At the end the runtime answers again and the
 * kubelet posts Ready=True after its next successful check.
 */
public final class RuntimeDown implements Fault {
    public static final FaultType TYPE = new FaultType("RuntimeDown",
            "container runtime down: kubelet posts Ready=False, containers keep running", false,
            FaultType.Targeting.NODES,
            List.of(FaultField.choice("cause", RuntimeHealth.Cause.CONTAINER_RUNTIME_DOWN.scenarioName(),
                    Arrays.stream(RuntimeHealth.Cause.values()).map(RuntimeHealth.Cause::scenarioName).toList())),
            RuntimeDown::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        String named = spec.text("cause");
        RuntimeHealth.Cause cause = RuntimeHealth.Cause.named(
                named == null ? RuntimeHealth.Cause.CONTAINER_RUNTIME_DOWN.scenarioName() : named);
        for (int n : nodes) {
            ctx.hit(n, now, spec.type() + " " + cause.scenarioName());
            ctx.kubelet().runtimeStopped(n, now, cause);
        }
    }

    @Override
    public void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            ctx.kubelet().runtimeStarted(n, now);
        }
    }
}
