package io.nodesim.faults;

import io.nodesim.scenario.FaultSpec;
import java.util.List;

/** Every node of a zone crashes (the target resolver restricts the nodes to the zone). */
public final class ZoneOutage implements Fault {
    public static final FaultType TYPE = new FaultType("ZoneOutage", "every node of the zone crashes", false, FaultType.Targeting.ZONE,
            List.of(), ZoneOutage::new);

    private final NodeCrash crash = new NodeCrash();

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        crash.start(ctx, spec, nodes, now);
    }

    @Override
    public void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        crash.end(ctx, spec, nodes, now);
    }
}
