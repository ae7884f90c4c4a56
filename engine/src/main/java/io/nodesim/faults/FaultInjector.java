package io.nodesim.faults;

import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.FaultSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Schedules the scenario's faults: targets are bound when the run starts (in file order, from the
 * "faults" stream), each fault starts at {@code at} and, when it has a duration, ends at
 * {@code at + duration}.
 */
public final class FaultInjector {
    private final FaultContext ctx;
    private final FaultRegistry registry;
    private final List<FaultSpec> specs = new ArrayList<>();
    private final List<int[]> targets = new ArrayList<>();
    private final int startKind;
    private final int endKind;

    public FaultInjector(FaultContext ctx, FaultRegistry registry) {
        this.ctx = ctx;
        this.registry = registry;
        startKind = ctx.sim().registerKind("faults.start", this::startFault);
        endKind = ctx.sim().registerKind("faults.end", this::endFault);
    }

    public void schedule(List<FaultSpec> faults) {
        for (FaultSpec spec : faults) {
            registry.fault(spec.type());
            int[] nodes = spec.type().targetsNodes()
                    ? ctx.cluster().topology().resolve(spec.target(), ctx.rng()) : new int[0];
            specs.add(spec);
            targets.add(nodes);
            int index = specs.size() - 1;
            ctx.sim().schedule(spec.at(), startKind, index);
            if (!spec.permanent() && spec.duration() < SimTime.NEVER - spec.at()) {
                ctx.sim().schedule(spec.at() + spec.duration(), endKind, index);
            }
        }
    }

    private void startFault(int index, long now) {
        FaultSpec spec = specs.get(index);
        registry.fault(spec.type()).start(ctx, spec, targets.get(index), now);
    }

    private void endFault(int index, long now) {
        FaultSpec spec = specs.get(index);
        registry.fault(spec.type()).end(ctx, spec, targets.get(index), now);
    }
}
