package io.nodesim.reports.charts.run;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.reports.charts.ChartInput;
import io.nodesim.reports.charts.Series;
import io.nodesim.reports.charts.StepFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The series of the taint staircase: per zone of the first replication, how many of its nodes
 * carry the NoExecute taint, from the zone's first fault to its last taint. Each zone has its own
 * rate-limited queue, so each line climbs one step per token (1 / node-eviction-rate seconds).
 */
public final class TaintStaircaseData {
    static final int MAX_POINTS = 2000;

    private TaintStaircaseData() {
    }

    /** One series per zone with at least one tainted node, in zone-name order. */
    public static List<Series> of(ChartInput input) {
        Map<String, List<NodeRecord>> byZone = new TreeMap<>();
        input.shownRun().ifPresent(run -> run.nodes().stream()
                .filter(n -> n.noExecuteTaintAt() != SimTime.NEVER)
                .forEach(n -> byZone.computeIfAbsent(n.zone() == null ? "" : n.zone(), z -> new ArrayList<>()).add(n)));
        List<Series> out = new ArrayList<>();
        byZone.forEach((zone, nodes) -> {
            StepFunction taints = new StepFunction();
            long first = SimTime.NEVER;
            long last = 0;
            for (NodeRecord n : nodes) {
                taints.change(n.noExecuteTaintAt(), 1);
                first = Math.min(first, Math.min(n.failedAt(), n.noExecuteTaintAt()));
                last = Math.max(last, n.noExecuteTaintAt());
            }
            out.add(taints.toSeries(zone.isEmpty() ? "(no zone)" : "zone " + zone, 0, first, last, MAX_POINTS));
        });
        return out;
    }
}
