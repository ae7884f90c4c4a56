package io.nodesim.metrics;

import java.util.Objects;
import java.util.function.Function;

/**
 * A metric computed from the run's records (nodes, pods, workloads) when the run is collected: no
 * controller has to record it. One that needs more than an expression is a class of its own
 * implementing {@link Metric}, as {@link RecoveryPhase} is.
 *
 * @param extraction the samples of one run, from its records alone
 */
public record DerivedMetric(String name, MetricUnit unit, String label, String doc,
        Function<RunResult, double[]> extraction) implements Metric {
    public DerivedMetric {
        Objects.requireNonNull(extraction, "extraction");
    }

    @Override
    public double[] samples(RunResult run) {
        return extraction.apply(run);
    }
}
