package io.nodesim.experiment;

import java.util.Objects;

/**
 * {@code --precision X --metric M}: add replications until the 95 % interval of M's mean has a
 * half-width below X seconds.
 *
 * @param metric the metric whose interval is watched, e.g. {@code time_to_replacement_ready}
 * @param halfWidth the target half-width in seconds (strictly below it stops)
 * @param minReplications the first batch (at least 2: one replication has no interval across replications)
 * @param maxReplications the cap: when reached the experiment stops with the precision it has
 */
public record PrecisionTarget(String metric, double halfWidth, int minReplications, int maxReplications) {
    /** The cap when none is given: enough for a tight interval, bounded so a run always ends. */
    public static final int DEFAULT_MAX_REPLICATIONS = 1000;

    public PrecisionTarget {
        Objects.requireNonNull(metric, "metric");
        if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
            throw new IllegalArgumentException("--precision must be a positive number of seconds, got " + halfWidth);
        }
        minReplications = Math.max(2, minReplications);
        if (maxReplications < minReplications) {
            throw new IllegalArgumentException("the maximum number of replications (" + maxReplications
                    + ") is below the first batch (" + minReplications + ")");
        }
    }

    /** A target with the default cap. */
    public PrecisionTarget(String metric, double halfWidth, int minReplications) {
        this(metric, halfWidth, minReplications, Math.max(DEFAULT_MAX_REPLICATIONS, minReplications));
    }
}
