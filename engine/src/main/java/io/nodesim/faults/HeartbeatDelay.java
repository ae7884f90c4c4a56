package io.nodesim.faults;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.scenario.FaultSpec;
import java.util.List;

/**
 * Every lease renewal and status write of the targets takes a sample of {@code delay}: with the
 * sliding renew loop, a long write also postpones the next one. The false-positive generator.
 */
public final class HeartbeatDelay implements Fault {
    public static final FaultType TYPE = new FaultType("HeartbeatDelay", "lease renewals / status writes of the targets take delay", false, FaultType.Targeting.NODES,
            List.of(FaultField.distribution("delay", true, "uniform(30s, 60s)")), HeartbeatDelay::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        DurationDistribution delay = spec.distribution("delay");
        for (int n : nodes) {
            ctx.hit(n, now, spec.type() + " " + delay.spec());
            ctx.nodeFaults().startDelay(n, now, delay);
        }
    }

    @Override
    public void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            if (ctx.nodeFaults().endDelay(n, now)) {
                ctx.kubelet().faultEnded(n, now, false);
            }
        }
    }
}
