package io.nodesim.faults;

import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.FaultSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Schedules the scenario's faults: targets are bound when the run starts (in file order, from the
 * "faults" stream, by the cluster's {@link io.nodesim.cluster.Topology}), each fault starts at
 * {@code at} and, when it has a duration, ends at {@code at + duration}. Each fault type's
 * behaviour is created once per run.
 */
public final class FaultInjector {
    private final FaultContext ctx;
    private final Map<String, Fault> behaviours = new HashMap<>();
    private final List<FaultSpec> specs = new ArrayList<>();
    private final List<int[]> targets = new ArrayList<>();
    private final int startKind;
    private final int endKind;

    public FaultInjector(FaultContext ctx) {
        this.ctx = ctx;
        startKind = ctx.sim().registerKind("faults.start", this::startFault);
        endKind = ctx.sim().registerKind("faults.end", this::endFault);
    }

    public void schedule(List<FaultSpec> faults) {
        for (FaultSpec spec : faults) {
            FaultType type = FaultTypes.named(spec.type());
            behaviours.computeIfAbsent(type.name(), k -> type.behaviour().get());
            int[] nodes = type.targeting().targetsNodes()
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
        behaviours.get(spec.type()).start(ctx, spec, targets.get(index), now);
    }

    private void endFault(int index, long now) {
        FaultSpec spec = specs.get(index);
        behaviours.get(spec.type()).end(ctx, spec, targets.get(index), now);
    }
}
