package io.nodesim.faults;

import io.nodesim.disruption.NodeDrainer;
import io.nodesim.scenario.FaultSpec;
import java.util.List;

/**
 * An operator runs {@code kubectl drain --ignore-daemonsets} on each target
 * ({@link NodeDrainer}: cordon, then the Eviction API pod by pod, honouring PodDisruptionBudgets and
 * retrying a refused eviction every 5 s) and, at the end of the duration, {@code kubectl uncordon}.
 * Fields are kubectl drain's flags: {@code timeout}, {@code gracePeriod}, {@code deleteEmptyDirData},
 * {@code force}; {@code roundTrip} is kubectl's round trip to the API server. Delays are measured
 * from the drain.
 */
public final class NodeDrain implements Fault {
    public static final FaultType TYPE = new FaultType("NodeDrain",
            "kubectl drain: cordon, then evict pod by pod through the Eviction API (PodDisruptionBudgets honoured)",
            false, FaultType.Targeting.NODES,
            List.of(FaultField.duration("timeout", "10m (kubectl drain --timeout; absent waits forever)"),
                    FaultField.duration("gracePeriod", "30s (--grace-period; absent: each pod's own)"),
                    FaultField.choice("deleteEmptyDirData", "false", List.of("false", "true")),
                    FaultField.choice("force", "false", List.of("false", "true")),
                    FaultField.distribution("roundTrip", false, "constant(50ms) (kubectl to the API server; the default)")),
            NodeDrain::new);

    @Override
    public void start(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        NodeDrainer.Options options = new NodeDrainer.Options(spec.time("timeout"),
                spec.fields().containsKey("gracePeriod") ? spec.time("gracePeriod") : -1,
                "true".equals(spec.text("deleteEmptyDirData")), "true".equals(spec.text("force")),
                spec.distribution("roundTrip") == null ? NodeDrainer.DEFAULT_ROUND_TRIP : spec.distribution("roundTrip"));
        for (int n : nodes) {
            if (ctx.cluster().nodes().deleted(n)) {
                continue;
            }
            ctx.hit(n, now, spec.type());
            ctx.drainer().drain(n, options, now);
        }
    }

    @Override
    public void end(FaultContext ctx, FaultSpec spec, int[] nodes, long now) {
        for (int n : nodes) {
            ctx.drainer().uncordon(n, now);
        }
    }
}
