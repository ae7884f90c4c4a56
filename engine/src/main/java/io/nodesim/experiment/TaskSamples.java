package io.nodesim.experiment;

import io.nodesim.metrics.RunResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one task of a sweep produced: replication {@code replication} of point {@code point}, the
 * {@code task}-th task in task order (point by point, replications in order). The raw samples, not a
 * summary, because a point's percentiles pool the samples of all its replications, which may have
 * run on different machines.
 *
 * @param metrics the samples of each metric, in the order the run produced them (which the
 *     summaries' metric order follows)
 */
public record TaskSamples(int task, int point, int replication, Map<String, double[]> metrics) {
    public TaskSamples {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The samples as the run result the summaries are computed from. */
    RunResult toRunResult() {
        return new RunResult(replication, List.of(), List.of(), List.of(), List.of(), metrics, 0);
    }
}
