package io.nodesim.metrics;

/** A row of workloads.csv. */
public record WorkloadRecord(
        String workload,
        String kind,
        int desired,
        long firstDisruptionAt,
        long fullyReadyAgainAt,
        int minReady,
        long unavailableMicros) {
}
