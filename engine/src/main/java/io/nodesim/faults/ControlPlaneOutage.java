package io.nodesim.faults;

import io.nodesim.scenario.FaultSpec;
import java.util.List;

/**
 * The API server / etcd stalls: no heartbeat is recorded and every controller write fails while
 * the controllers keep running on their informer caches (the etcd stall of kubernetes #121793).
 */
public final class ControlPlaneOutage implements Fault {
    public static final FaultType TYPE = new FaultType("ControlPlaneOutage", "API server / etcd stall: no heartbeat is recorded, controller writes wait for its end or time out", false, FaultType.Targeting.NONE,
            List.of(), ControlPlaneOutage::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        ctx.cluster().controlPlane().startOutage(now);
        for (int n = 0; n < ctx.cluster().nodes().count(); n++) {
            ctx.cluster().nodes().setCause(n, now);
        }
        ctx.cluster().recorder().record(now, io.nodesim.cluster.EventKind.NodeFault, "control-plane",
                spec.type());
    }

    @Override
    public void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        ctx.cluster().controlPlane().endOutage(now);
        for (int n = 0; n < ctx.cluster().nodes().count(); n++) {
            ctx.kubelet().faultEnded(n, now, false);
        }
    }
}
