package io.nodesim.reports.charts.sweep;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import io.nodesim.scenario.parse.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    /** The suffixes of a metric's five columns, in file order (DESIGN §3). */
    static final List<String> STATISTICS = List.of("_mean", "_ci95_low", "_ci95_high", "_p50", "_p99");

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
     * the varied settings. No lines (a sweep with no finished point) gives no points and no metrics.
     *
     * @throws IllegalArgumentException the lines are not such a table
     */
    public static SweepResults parse(List<String> parameters, List<String> lines) {
        Objects.requireNonNull(parameters, "parameters");
        if (lines.isEmpty()) {
            return new SweepResults(parameters, List.of(), List.of(), new Stat[0][]);
        }
        RFC4180Parser csv = new RFC4180ParserBuilder().build();
        String[] header = cells(csv, lines.get(0));
        int p = parameters.size();
        if (header.length < p || !List.of(header).subList(0, p).equals(parameters)
                || (header.length - p) % STATISTICS.size() != 0) {
            throw new IllegalArgumentException("sweep.csv does not start with the varied settings " + parameters
                    + " followed by five columns per metric: " + lines.get(0));
        }
        List<String> metrics = new ArrayList<>();
        for (int c = p; c < header.length; c += STATISTICS.size()) {
            String first = header[c];
            if (!first.endsWith(STATISTICS.get(0))) {
                throw new IllegalArgumentException("sweep.csv column " + (c + 1) + " is " + first + ", not a <metric>_mean");
            }
            String metric = first.substring(0, first.length() - STATISTICS.get(0).length());
            for (int k = 1; k < STATISTICS.size(); k++) {
                if (!header[c + k].equals(metric + STATISTICS.get(k))) {
                    throw new IllegalArgumentException("sweep.csv column " + (c + k + 1) + " is " + header[c + k]
                            + ", expected " + metric + STATISTICS.get(k));
                }
            }
            metrics.add(metric);
        }
        List<List<String>> values = new ArrayList<>();
        Stat[][] stats = new Stat[lines.size() - 1][metrics.size()];
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = cells(csv, lines.get(row));
            if (cells.length != header.length) {
                throw new IllegalArgumentException("sweep.csv row " + row + " has " + cells.length + " cells, the header "
                        + header.length);
            }
            values.add(List.of(cells).subList(0, p));
            for (int m = 0; m < metrics.size(); m++) {
                int c = p + m * STATISTICS.size();
                stats[row - 1][m] = new Stat(number(cells[c]), number(cells[c + 1]), number(cells[c + 2]),
                        number(cells[c + 3]), number(cells[c + 4]));
            }
        }
        return new SweepResults(parameters, metrics, values, stats);
    }

    private static String[] cells(RFC4180Parser csv, String line) {
        try {
            return csv.parseLine(line);
        } catch (IOException e) {
            throw new UncheckedIOException("parsing a string cannot fail to read", e);
        }
    }

    private static double number(String cell) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sweep.csv: \"" + cell + "\" is not a number", e);
        }
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
