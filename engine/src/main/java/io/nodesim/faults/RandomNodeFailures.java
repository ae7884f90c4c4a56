package io.nodesim.faults;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.scenario.FaultSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Each target fails after a sample of {@code mtbf}, as the {@code failure} fault (NodeCrash by
 * default), and comes back after a sample of {@code mttr} (never when mttr is absent), repeatedly,
 * until the fault's own duration ends. The failure itself is the registered fault type's behaviour.
 */
public final class RandomNodeFailures implements Fault {
    public static final FaultType TYPE = new FaultType("RandomNodeFailures",
            "each target fails after mtbf and recovers after mttr, repeatedly", false, FaultType.Targeting.NODES_OR_ALL,
            List.of(FaultField.distribution("mtbf", true, "exponential(2h)"),
                    FaultField.distribution("mttr", false, "exponential(10m)"),
                    FaultField.choice("failure", "NodeCrash", List.of("NodeCrash", "KubeletStop", "NetworkPartition", "RuntimeDown"))),
            RandomNodeFailures::new);

    private final List<Cycle> cycles = new ArrayList<>();
    private int failKind = -1;
    private int repairKind;
    private FaultContext ctx;

    private record Cycle(FaultSpec spec, Fault failure, int node, long until) {
        DurationDistribution mtbf() {
            return spec.distribution("mtbf");
        }

        DurationDistribution mttr() {
            return spec.distribution("mttr");
        }
    }

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        register(ctx);
        long until = spec.permanent() ? SimTime.NEVER : now + spec.duration();
        String failureType = spec.text("failure") == null ? NodeCrash.TYPE.name() : spec.text("failure");
        Fault failure = FaultTypes.named(failureType).behaviour().get();
        for (int n : nodes) {
            Cycle c = new Cycle(spec, failure, n, until);
            cycles.add(c);
            scheduleIfBefore(now + c.mtbf().sample(ctx.rng()), failKind, cycles.size() - 1, until);
        }
    }

    // end: each cycle stops by itself at its end time; a node down at that moment stays down until its repair.

    private void register(FaultContext context) {
        if (failKind < 0) {
            this.ctx = context;
            Simulation sim = context.sim();
            failKind = sim.registerKind("faults.randomFailure", this::fail);
            repairKind = sim.registerKind("faults.randomRepair", this::repair);
        }
    }

    private void fail(int cycle, long now) {
        Cycle c = cycles.get(cycle);
        c.failure().start(ctx, c.spec(), new int[] {c.node()}, now);
        if (c.mttr() != null) {
            ctx.sim().schedule(now + c.mttr().sample(ctx.rng()), repairKind, cycle);
        }
    }

    private void repair(int cycle, long now) {
        Cycle c = cycles.get(cycle);
        c.failure().end(ctx, c.spec(), new int[] {c.node()}, now);
        scheduleIfBefore(now + c.mtbf().sample(ctx.rng()), failKind, cycle, c.until());
    }

    private void scheduleIfBefore(long time, int kind, int cycle, long until) {
        if (time < until) {
            ctx.sim().schedule(time, kind, cycle);
        }
    }
}
