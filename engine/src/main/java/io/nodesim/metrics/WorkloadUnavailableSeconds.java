package io.nodesim.metrics;

import io.nodesim.kernel.SimTime;

/**
 * {@code workload_unavailable_seconds}: for every workload that lost a ready pod, how long it had
 * fewer ready pods than desired in the run (the {@code unavailable_seconds} of workloads.csv).
 */
public record WorkloadUnavailableSeconds() implements Metric {
    @Override
    public String name() {
        return "workload_unavailable_seconds";
    }

    @Override
    public MetricUnit unit() {
        return MetricUnit.SECONDS;
    }

    @Override
    public String label() {
        return "workload unavailable";
    }

    @Override
    public String doc() {
        return "For every disrupted workload, the total time it had fewer ready pods than desired "
                + "(unavailable_seconds of workloads.csv).";
    }

    @Override
    public double[] samples(RunResult run) {
        return run.workloads().stream().filter(w -> w.firstDisruptionAt() != SimTime.NEVER)
                .mapToDouble(w -> SimTime.toSeconds(w.unavailableMicros())).toArray();
    }
}
