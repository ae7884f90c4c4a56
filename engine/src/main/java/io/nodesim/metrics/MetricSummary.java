package io.nodesim.metrics;

/** A row of summary.csv; NaN where a statistic is undefined (no samples, or one for the CI). */
public record MetricSummary(
        String metric,
        long count,
        double mean,
        double stddev,
        double ci95Low,
        double ci95High,
        double min,
        double p50,
        double p90,
        double p99,
        double max) {
}
