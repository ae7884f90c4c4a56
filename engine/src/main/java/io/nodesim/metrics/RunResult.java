package io.nodesim.metrics;

import java.util.List;
import java.util.Map;

/**
 * Everything one replication produced.
 *
 * @param metrics the samples of each summary metric (e.g. {@code time_to_unknown}), in seconds,
 *     each measured from the fault that caused it; keys in a stable order
 * @param events the event log, empty unless events were requested
 * @param eventsFired kernel events fired (for events-per-second reporting)
 */
public record RunResult(
        int replication,
        List<NodeRecord> nodes,
        List<PodRecord> pods,
        List<WorkloadRecord> workloads,
        List<EventRecord> events,
        Map<String, double[]> metrics,
        long eventsFired) {
}
