package io.nodesim.reports.why;

import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.RunResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link PodWhy} reads of one replication: its event log, each node's zone, each disrupted
 * pod's workload and node, each workload's kind. Built from a {@link RunResult} (report.html) or
 * from a run folder's CSV files ({@code nodesim why}).
 */
public record RunFacts(int replication, List<EventRecord> events, Map<String, String> zoneOfNode,
        Map<String, String> workloadOfPod, Map<String, String> nodeOfPod, Map<String, String> kindOfWorkload) {
    public RunFacts {
        events = List.copyOf(events);
        zoneOfNode = Map.copyOf(zoneOfNode);
        workloadOfPod = Map.copyOf(workloadOfPod);
        nodeOfPod = Map.copyOf(nodeOfPod);
        kindOfWorkload = Map.copyOf(kindOfWorkload);
    }

    public static RunFacts of(RunResult run) {
        Map<String, String> zones = new HashMap<>();
        run.nodes().forEach(n -> zones.putIfAbsent(n.node(), n.zone() == null ? "" : n.zone()));
        Map<String, String> workloads = new HashMap<>();
        Map<String, String> nodes = new HashMap<>();
        run.pods().forEach(p -> {
            putIfPresent(workloads, p.pod(), p.workload());
            putIfPresent(nodes, p.pod(), p.node());
        });
        Map<String, String> kinds = new HashMap<>();
        run.workloads().forEach(w -> kinds.put(w.workload(), w.kind()));
        return new RunFacts(run.replication(), run.events(), zones, workloads, nodes, kinds);
    }

    private static void putIfPresent(Map<String, String> m, String k, String v) {
        if (k != null && v != null) {
            m.putIfAbsent(k, v);
        }
    }
}
