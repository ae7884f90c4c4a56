package io.nodesim.metrics;

/**
 * A row of workloads.csv.
 *
 * @param endpointsUnavailableMicros the time its Service had fewer ready endpoints (at kube-proxy)
 *     than desired
 */
public record WorkloadRecord(
        String workload,
        String kind,
        int desired,
        long firstDisruptionAt,
        long fullyReadyAgainAt,
        int minReady,
        long unavailableMicros,
        long endpointsUnavailableMicros) {

    /** A row without endpoint tracking. */
    public WorkloadRecord(String workload, String kind, int desired, long firstDisruptionAt, long fullyReadyAgainAt,
            int minReady, long unavailableMicros) {
        this(workload, kind, desired, firstDisruptionAt, fullyReadyAgainAt, minReady, unavailableMicros, 0);
    }
}
