package io.nodesim.reports.charts.sweep;

import io.nodesim.scenario.Scenario;
import java.util.Objects;

/**
 * What a sweep chart and sweep.html may draw from.
 *
 * @param scenario the swept scenario without any point's overrides
 * @param results sweep.csv as read back
 * @param replications the replications behind each point
 */
public record SweepInput(Scenario scenario, SweepResults results, int replications) {
    public SweepInput {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(results, "results");
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + replications);
        }
    }
}
