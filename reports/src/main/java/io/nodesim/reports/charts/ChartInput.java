package io.nodesim.reports.charts;

import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run chart may draw from: the scenario, every replication's result and the summaries.
 *
 * @param runs the replications in order; may be empty (a chart then says there is nothing to show)
 */
public record ChartInput(Scenario scenario, List<RunResult> runs, List<MetricSummary> summaries) {
    public ChartInput {
        Objects.requireNonNull(scenario, "scenario");
        runs = List.copyOf(runs);
        summaries = List.copyOf(summaries);
    }

    /**
     * The replication drawn by charts that show one run (timeline, staircase): the first, so the
     * picture does not change when more replications are added.
     */
    public Optional<RunResult> shownRun() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    /** Every replication's samples of one metric (seconds), pooled in replication order. */
    public double[] pooledSamples(String metric) {
        return runs.stream()
                .map(r -> r.metrics().get(metric))
                .filter(Objects::nonNull)
                .flatMapToDouble(java.util.Arrays::stream)
                .toArray();
    }
}
