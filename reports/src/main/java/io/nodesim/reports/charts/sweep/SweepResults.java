package io.nodesim.reports.charts.sweep;

import io.nodesim.experiment.SweepTable;
import io.nodesim.scenario.parse.Durations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * sweep.csv read back: the varied values of every point, and each metric's statistics. The sweep
 * charts and sweep.html are drawn from this, never from the runs, so the same picture comes out of a
 * sweep that ran in one go and one that was resumed (the runs of resumed points are long gone).
 */
public final class SweepResults {
    /** One metric at one point, in seconds (false_evictions: pods per replication); NaN where the cell is empty. */
    public record Stat(double mean, double ci95Low, double ci95High, double p50, double p99) {
        /** Whether the point has a mean for this metric. */
        public boolean present() {
            return !Double.isNaN(mean);
        }
    }

    /** How a parameter's values are placed on an axis. */
    public enum Kind {
        /** All values are numbers: the axis is the number. */
        NUMBER,
        /** All values are Go durations: the axis is in seconds. */
        DURATION,
        /** Anything else: one slot per distinct value, in order of first appearance. */
        CATEGORY
    }

    private final List<String> parameters;
    private final List<String> metrics;
    private final List<List<String>> values;
    private final Stat[][] stats;

    private SweepResults(List<String> parameters, List<String> metrics, List<List<String>> values, Stat[][] stats) {
        this.parameters = List.copyOf(parameters);
        this.metrics = List.copyOf(metrics);
        this.values = List.copyOf(values);
        this.stats = stats;
    }

    /**
     * Reads the lines of sweep.csv (without line ends) whose first {@code parameters.size()} columns are
     * the varied settings, as {@link SweepTable#read} does. No lines gives no points and no metrics.
     *
     * @throws IllegalArgumentException the lines are not such a table
     */
    public static SweepResults parse(List<String> parameters, List<String> lines) {
        Objects.requireNonNull(parameters, "parameters");
        SweepTable.Contents table = SweepTable.read(parameters, lines);
        List<String> metrics = table.metrics();
        List<List<String>> values = new ArrayList<>();
        Stat[][] stats = new Stat[table.rows().size()][metrics.size()];
        for (int r = 0; r < stats.length; r++) {
            SweepTable.Row row = table.rows().get(r);
            values.add(row.values());
            for (int m = 0; m < metrics.size(); m++) {
                stats[r][m] = new Stat(row.statistic(m, 0), row.statistic(m, 1), row.statistic(m, 2),
                        row.statistic(m, 3), row.statistic(m, 4));
            }
        }
        return new SweepResults(parameters, metrics, values, stats);
    }

    /** The varied settings (paths below {@code spec}), in column order. */
    public List<String> parameters() {
        return parameters;
    }

    /** The metrics, in column order. */
    public List<String> metrics() {
        return metrics;
    }

    public boolean hasMetric(String metric) {
        return metrics.contains(metric);
    }

    /** The number of points (rows). */
    public int size() {
        return values.size();
    }

    /** The value of parameter {@code parameter} at point {@code point}, as written. */
    public String value(int point, int parameter) {
        return values.get(point).get(parameter);
    }

    /** Every value of the point, in column order. */
    public List<String> values(int point) {
        return values.get(point);
    }

    /** The statistics of {@code metric} at {@code point}; all NaN for a metric the table does not have. */
    public Stat stat(int point, String metric) {
        int m = metrics.indexOf(metric);
        double nan = Double.NaN;
        return m < 0 ? new Stat(nan, nan, nan, nan, nan) : stats[point][m];
    }

    /** The distinct values of a parameter, in order of first appearance. */
    public List<String> distinctValues(int parameter) {
        Set<String> seen = new LinkedHashSet<>();
        values.forEach(v -> seen.add(v.get(parameter)));
        return List.copyOf(seen);
    }

    /** How the parameter's values are placed on an axis. */
    public Kind kind(int parameter) {
        boolean numbers = true;
        boolean durations = true;
        for (List<String> v : values) {
            String text = v.get(parameter);
            numbers &= isNumber(text);
            durations &= isDuration(text);
        }
        return numbers ? Kind.NUMBER : durations ? Kind.DURATION : Kind.CATEGORY;
    }

    /**
     * The parameter's value at each point as a position on an axis: the number, the duration in
     * seconds, or the index of the value among {@link #distinctValues}.
     */
    public double[] positions(int parameter) {
        Kind kind = kind(parameter);
        List<String> distinct = distinctValues(parameter);
        double[] x = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            String text = values.get(i).get(parameter);
            x[i] = switch (kind) {
                case NUMBER -> Double.parseDouble(text);
                case DURATION -> Durations.parse(text) / 1e6;
                case CATEGORY -> distinct.indexOf(text);
            };
        }
        return x;
    }

    private static boolean isNumber(String s) {
        return s.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    }

    private static boolean isDuration(String s) {
        try {
            Durations.parse(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
