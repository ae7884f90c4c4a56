package io.nodesim.experiment;

import io.nodesim.metrics.RunResult;
import java.util.List;

/**
 * What a run to precision produced.
 *
 * @param runs every replication run, in replication order (0..n-1)
 * @param reached whether the half-width went below the target before the cap
 * @param halfWidth the final half-width of the watched metric's interval (NaN if it has none)
 */
public record PrecisionOutcome(List<RunResult> runs, boolean reached, double halfWidth) {
    public PrecisionOutcome {
        runs = List.copyOf(runs);
    }
}
