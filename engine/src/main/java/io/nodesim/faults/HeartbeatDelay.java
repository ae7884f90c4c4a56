package io.nodesim.faults;

import io.nodesim.scenario.FaultSpec;

/**
 * Every lease renewal and status write of the targets takes a sample of {@code delay}: with the
 * sliding renew loop, a long write also postpones the next one. The false-positive generator.
 */
public final class HeartbeatDelay implements Fault {
    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        if (spec.delay() == null) {
            throw new IllegalArgumentException("HeartbeatDelay needs a delay distribution");
        }
        for (int n : nodes) {
            ctx.hit(n, now, spec.type().yamlName() + " " + spec.delay().spec());
            ctx.nodeFaults().startDelay(n, now, spec.delay());
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
