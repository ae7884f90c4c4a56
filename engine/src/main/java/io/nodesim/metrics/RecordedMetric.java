package io.nodesim.metrics;

/**
 * A metric whose samples the controllers record at the moment of the transition, measured from the
 * fault that caused it (e.g. {@code samples.addSince(TIME_TO_UNKNOWN, causeAt, now)} in the node
 * lifecycle controller): a node that fails twice contributes twice, which the run's records (one
 * row per node) cannot tell afterwards.
 */
public record RecordedMetric(String name, MetricUnit unit, String label, String doc) implements Metric {
    private static final double[] NONE = {};

    @Override
    public double[] samples(RunResult run) {
        return run.metrics().getOrDefault(name, NONE).clone();
    }
}
