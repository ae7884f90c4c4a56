package io.nodesim.faults;

import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.scenario.FaultSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Each target fails after a sample of {@code mtbf}, as the {@code failure} fault (NodeCrash by
 * default), and comes back after a sample of {@code mttr} (never when mttr is absent), repeatedly,
 * until the fault's own duration ends. The failure itself is the registered fault class.
 */
public final class RandomNodeFailures implements Fault {
    private final FaultRegistry registry;
    private final List<Cycle> cycles = new ArrayList<>();
    private int failKind = -1;
    private int repairKind;
    private FaultContext ctx;

    private record Cycle(FaultSpec spec, int node, long until) {
    }

    RandomNodeFailures(FaultRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        if (spec.mtbf() == null) {
            throw new IllegalArgumentException("RandomNodeFailures needs mtbf");
        }
        register(ctx);
        long until = spec.permanent() ? SimTime.NEVER : now + spec.duration();
        for (int n : nodes) {
            cycles.add(new Cycle(spec, n, until));
            scheduleIfBefore(now + spec.mtbf().sample(ctx.rng()), failKind, cycles.size() - 1, until);
        }
    }

    @Override
    public void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        // Each cycle stops by itself at its end time; a node down at that moment stays down until its repair.
    }

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
        registry.fault(failureType(c)).start(ctx, c.spec(), new int[] {c.node()}, now);
        if (c.spec().mttr() != null) {
            ctx.sim().schedule(now + c.spec().mttr().sample(ctx.rng()), repairKind, cycle);
        }
    }

    private void repair(int cycle, long now) {
        Cycle c = cycles.get(cycle);
        registry.fault(failureType(c)).end(ctx, c.spec(), new int[] {c.node()}, now);
        scheduleIfBefore(now + c.spec().mtbf().sample(ctx.rng()), failKind, cycle, c.until());
    }

    private void scheduleIfBefore(long time, int kind, int cycle, long until) {
        if (time < until) {
            ctx.sim().schedule(time, kind, cycle);
        }
    }

    private static io.nodesim.scenario.FaultType failureType(Cycle c) {
        return c.spec().failure() == null ? io.nodesim.scenario.FaultType.NODE_CRASH : c.spec().failure();
    }
}
