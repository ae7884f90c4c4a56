package io.nodesim.scheduler.explain;

import io.nodesim.kernel.RandomStreams;
import io.nodesim.scenario.Scenario;
import io.nodesim.scheduler.InitialPlacement;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.SchedulerConfiguration;
import java.util.List;

/**
 * {@code nodesim schedule}: the t = 0 placement ({@link InitialPlacement}, the one {@code run} uses)
 * with every cycle explained, on replication 0's "scheduler.ties" stream as {@code run} draws it.
 */
public final class ScheduleRun {
    private final InitialPlacement placement;
    private final List<Placement> placements;

    private ScheduleRun(InitialPlacement placement) {
        this.placement = placement;
        SchedulerCache nodes = placement.nodes();
        this.placements = placement.placementOrder().stream().map(p -> {
            String workload = placement.workloadName(p.workload());
            String node = p.node() >= 0 ? nodes.name(p.node()) : null;
            if (p.boundByNodeName()) {
                return new Placement(p.name(), workload, true, node, null, node != null ? List.of(node) : List.of());
            }
            return new Placement(p.name(), workload, false, node, p.result(), p.result().tieSet(nodes));
        }).toList();
    }

    /** Runs the placement. */
    public static ScheduleRun run(Scenario scenario) {
        return new ScheduleRun(InitialPlacement.place(scenario,
                new RandomStreams(scenario.seed(), 0).stream("scheduler.ties"), true));
    }

    public List<Placement> placements() {
        return placements;
    }

    public SchedulerCache nodes() {
        return placement.nodes();
    }

    public SchedulerConfiguration configuration() {
        return placement.scheduler().configuration();
    }
}
