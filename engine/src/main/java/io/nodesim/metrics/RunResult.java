package io.nodesim.metrics;

import java.util.List;
import java.util.Map;

/**
 * Everything one replication produced.
 *
 * @param metrics the samples of each summary metric (e.g. {@code time_to_unknown}) by name, in the
 *     metric's unit, each measured from the fault that caused it: in {@link MetricRegistry} order once
 *     the run is collected (before, what the controllers recorded)
 * @param events the event log, empty unless events were requested
 * @param eventsFired kernel events fired (for events-per-second reporting)
 * @param endpointChanges every change of a Service's ready endpoints at kube-proxy, in time order
 */
public record RunResult(
        int replication,
        List<NodeRecord> nodes,
        List<PodRecord> pods,
        List<WorkloadRecord> workloads,
        List<EventRecord> events,
        Map<String, double[]> metrics,
        long eventsFired,
        List<EndpointChange> endpointChanges) {

    /** A run without endpoint tracking. */
    public RunResult(int replication, List<NodeRecord> nodes, List<PodRecord> pods, List<WorkloadRecord> workloads,
            List<EventRecord> events, Map<String, double[]> metrics, long eventsFired) {
        this(replication, nodes, pods, workloads, events, metrics, eventsFired, List.of());
    }

    /** The same run with other metric samples. */
    public RunResult withMetrics(Map<String, double[]> samples) {
        return new RunResult(replication, nodes, pods, workloads, events, samples, eventsFired, endpointChanges);
    }
}
