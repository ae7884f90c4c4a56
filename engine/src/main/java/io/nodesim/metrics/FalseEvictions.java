package io.nodesim.metrics;

/**
 * {@code false_evictions}: one sample per run, the number of pods deleted while their containers were
 * still running (partition, delayed heartbeats, control-plane stall): the price of short timeouts.
 */
public record FalseEvictions() implements Metric {
    @Override
    public String name() {
        return "false_evictions";
    }

    @Override
    public MetricUnit unit() {
        return MetricUnit.COUNT;
    }

    @Override
    public String label() {
        return "false evictions per run";
    }

    @Override
    public String doc() {
        return "Pods deleted while their containers were still running (partition, delayed heartbeats, control-plane "
                + "stall), one sample per run: the price of short timeouts.";
    }

    @Override
    public double[] samples(RunResult run) {
        return new double[] {run.pods().stream().filter(PodRecord::falseEviction).count()};
    }
}
