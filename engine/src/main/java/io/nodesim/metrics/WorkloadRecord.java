package io.nodesim.metrics;

/**
 * A row of workloads.csv.
 *
 * @param availability the fraction of the run with every desired replica Ready:
 *     {@code 1 - unavailableMicros / run duration}
 */
public record WorkloadRecord(
        String workload,
        String kind,
        int desired,
        long firstDisruptionAt,
        long fullyReadyAgainAt,
        int minReady,
        long unavailableMicros,
        double availability) {
    public WorkloadRecord {
        if (!(availability >= 0 && availability <= 1)) {
            throw new IllegalArgumentException("availability must be in [0, 1], got " + availability);
        }
    }

    /** The availability of a workload unavailable for {@code unavailableMicros} of a run of {@code durationMicros}. */
    public static double availability(long unavailableMicros, long durationMicros) {
        return durationMicros <= 0 ? 1.0 : 1.0 - (double) unavailableMicros / durationMicros;
    }
}
