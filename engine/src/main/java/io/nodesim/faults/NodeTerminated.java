package io.nodesim.faults;

import io.nodesim.kubelet.NodeFaultState;
import io.nodesim.scenario.FaultSpec;
import java.util.List;

/**
 * The node's cloud instance is gone (deleted, a spot / preemptible VM reclaimed without a graceful
 * shutdown): the machine stops as in a crash, for good, and the cloud no longer lists the instance.
 * The cloud node lifecycle controller ({@link io.nodesim.cloud.CloudNodeLifecycleController})
 * deletes the Node object once it is NotReady; pod GC then force-deletes its pods after its
 * quarantine, and StatefulSet pods come back elsewhere.
 */
public final class NodeTerminated implements Fault {
    public static final FaultType TYPE = new FaultType("NodeTerminated",
            "cloud instance gone: machine stops, the cloud node lifecycle controller deletes the Node", true,
            FaultType.Targeting.NODES, List.of(), NodeTerminated::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            if (ctx.cloud() == null || !ctx.cloud().exists(n)) {
                continue;
            }
            ctx.hit(n, now, spec.type());
            ctx.nodeFaults().stopKubelet(n, now, NodeFaultState.CRASHED);
            ctx.cluster().nodes().setContainersRunning(n, false);
            ctx.cloud().terminate(n);
        }
    }
}
