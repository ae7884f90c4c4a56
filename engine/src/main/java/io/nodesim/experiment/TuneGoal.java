package io.nodesim.experiment;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * What {@code nodesim tune} minimises, {@code METRIC[:p99|:mean]}, and the constraints every
 * recommended setting must meet, {@code METRIC<=X} (on the metric's mean over replications). A
 * replication's value of a metric is the mean (or the 99th percentile, R-7 as summary.csv) of its
 * samples; NaN when the replication has none.
 */
public record TuneGoal(String metric, boolean p99, List<Constraint> constraints) {
    /** {@code metric <= max}. */
    public record Constraint(String metric, double max) {
        public Constraint {
            Objects.requireNonNull(metric, "metric");
        }

        public static Constraint parse(String option) {
            int at = option.indexOf("<=");
            if (at <= 0) {
                throw new IllegalArgumentException("--constraint takes METRIC<=X, e.g. false_evictions<=0.05, got \""
                        + option + "\"");
            }
            String value = option.substring(at + 2).trim();
            try {
                return new Constraint(option.substring(0, at).trim(), Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--constraint " + option + ": \"" + value + "\" is not a number");
            }
        }

        @Override
        public String toString() {
            return metric + "<=" + max;
        }
    }

    public TuneGoal {
        Objects.requireNonNull(metric, "metric");
        constraints = List.copyOf(constraints);
    }

    /** Parses {@code METRIC}, {@code METRIC:mean} or {@code METRIC:p99}. */
    public static TuneGoal parse(String objective, List<String> constraints) {
        int colon = objective.indexOf(':');
        String metric = colon < 0 ? objective.trim() : objective.substring(0, colon).trim();
        String stat = colon < 0 ? "mean" : objective.substring(colon + 1).trim();
        if (!stat.equals("mean") && !stat.equals("p99")) {
            throw new IllegalArgumentException("--objective takes METRIC, METRIC:mean or METRIC:p99, got \"" + objective
                    + "\"");
        }
        return new TuneGoal(metric, stat.equals("p99"), constraints.stream().map(Constraint::parse).toList());
    }

    /** The objective as written: {@code time_to_replacement_ready:p99}. */
    public String objective() {
        return metric + (p99 ? ":p99" : ":mean");
    }

    /** A replication's value of the objective. */
    public double objectiveOf(double[] samples) {
        if (samples == null || samples.length == 0) {
            return Double.NaN;
        }
        if (!p99) {
            return StatUtils.mean(samples);
        }
        Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
        return p.evaluate(samples, 99);
    }

    /** A replication's value of a constraint's metric: the mean of its samples. */
    public static double meanOf(double[] samples) {
        return samples == null || samples.length == 0 ? Double.NaN : StatUtils.mean(samples);
    }
}
