package io.nodesim.metrics;

/**
 * A row of workloads.csv.
 *
 * @param availability the fraction of the run with every desired replica Ready:
 *     {@code 1 - unavailableMicros / run duration}
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
        double availability,
        long endpointsUnavailableMicros) {

    public WorkloadRecord {
        if (!(availability >= 0 && availability <= 1)) {
            throw new IllegalArgumentException("availability must be in [0, 1], got " + availability);
        }
    }

    /** A row without endpoint tracking. */
    public WorkloadRecord(String workload, String kind, int desired, long firstDisruptionAt, long fullyReadyAgainAt,
            int minReady, long unavailableMicros, double availability) {
        this(workload, kind, desired, firstDisruptionAt, fullyReadyAgainAt, minReady, unavailableMicros, availability,
                0);
    }

    /** The availability of a workload unavailable for {@code unavailableMicros} of a run of {@code durationMicros}. */
    public static double availability(long unavailableMicros, long durationMicros) {
        return durationMicros <= 0 ? 1.0 : 1.0 - (double) unavailableMicros / durationMicros;
    }
}
