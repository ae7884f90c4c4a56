package io.nodesim.experiment;

import io.nodesim.metrics.CsvCells;
import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.Rfc4180;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one definition of sweep.csv (DESIGN §3), written by the sweep and read back by the sweep on
 * resume and by the sweep charts and page: the varied values (a column per setting, named by its
 * path), then for each metric {@code <metric>_mean,<metric>_ci95_low,<metric>_ci95_high,<metric>_p50,<metric>_p99}.
 * {@link Rfc4180} lines; numbers as {@link CsvCells#decimal}, an empty cell where a statistic is undefined.
 *
 * <p>The metric columns are those of the first point, in {@link Summaries} order; a later point that
 * lacks one of them leaves its cells empty. On resume the columns are read back from the header.
 */
public final class SweepTable {
    /** The suffixes of a metric's columns, in file order. */
    public static final List<String> STATISTICS = List.of("_mean", "_ci95_low", "_ci95_high", "_p50", "_p99");

    /** How much of a sweep an existing table already holds. */
    record Progress(int completedPoints, List<String> metrics) {
    }

    /**
     * sweep.csv read back.
     *
     * @param metrics the metrics, in column order
     * @param rows one per point, in point order
     */
    public record Contents(List<String> metrics, List<Row> rows) {
        public Contents {
            metrics = List.copyOf(metrics);
            rows = List.copyOf(rows);
        }
    }

    /**
     * One point: its values as written, and its statistics (NaN for an empty cell).
     *
     * @param statistics metric m's statistic k (in {@link #STATISTICS} order) at {@code m * STATISTICS.size() + k}
     */
    public record Row(List<String> values, double[] statistics) {
        public Row {
            values = List.copyOf(values);
            statistics = statistics.clone();
        }

        /** Statistic {@code k} (in {@link #STATISTICS} order) of the {@code m}-th metric. */
        public double statistic(int m, int k) {
            return statistics[m * STATISTICS.size() + k];
        }
    }

    private SweepTable() {
    }

    /** The header line: the varied settings, then each metric's {@link #STATISTICS} columns. */
    public static String header(List<String> parameters, List<String> metrics) {
        List<String> cells = new ArrayList<>(parameters);
        for (String m : metrics) {
            STATISTICS.forEach(s -> cells.add(m + s));
        }
        return Rfc4180.line(cells);
    }

    static String row(SweepPoint point, List<String> metrics, List<MetricSummary> summaries) {
        Map<String, MetricSummary> byName = new HashMap<>();
        summaries.forEach(s -> byName.put(s.metric(), s));
        List<String> cells = new ArrayList<>(point.values());
        for (String m : metrics) {
            MetricSummary s = byName.get(m);
            if (s == null) {
                STATISTICS.forEach(x -> cells.add(""));
            } else {
                for (double x : new double[] {s.mean(), s.ci95Low(), s.ci95High(), s.p50(), s.p99()}) {
                    cells.add(CsvCells.statistic(m, x));
                }
            }
        }
        return Rfc4180.line(cells);
    }

    /**
     * Reads the lines of sweep.csv (without line ends) whose first {@code parameters.size()} columns are
     * the varied settings. No lines (a sweep with no finished point) gives no metrics and no rows.
     *
     * @throws IllegalArgumentException the lines are not such a table
     */
    public static Contents read(List<String> parameters, List<String> lines) {
        if (lines.isEmpty()) {
            return new Contents(List.of(), List.of());
        }
        List<String> header = Rfc4180.cells(lines.get(0));
        int p = parameters.size();
        int width = STATISTICS.size();
        if (header.size() < p || !header.subList(0, p).equals(parameters) || (header.size() - p) % width != 0) {
            throw new IllegalArgumentException("sweep.csv does not start with the varied settings " + parameters
                    + " followed by " + width + " columns per metric: " + lines.get(0));
        }
        List<String> metrics = new ArrayList<>();
        for (int c = p; c < header.size(); c += width) {
            String first = header.get(c);
            String suffix = STATISTICS.get(0);
            if (!first.endsWith(suffix) || first.length() == suffix.length()) {
                throw new IllegalArgumentException("sweep.csv column " + (c + 1) + " is " + first + ", not a <metric>"
                        + suffix);
            }
            String metric = first.substring(0, first.length() - suffix.length());
            for (int k = 1; k < width; k++) {
                if (!header.get(c + k).equals(metric + STATISTICS.get(k))) {
                    throw new IllegalArgumentException("sweep.csv column " + (c + k + 1) + " is " + header.get(c + k)
                            + ", expected " + metric + STATISTICS.get(k));
                }
            }
            metrics.add(metric);
        }
        List<Row> rows = new ArrayList<>(lines.size() - 1);
        for (int r = 1; r < lines.size(); r++) {
            List<String> cells = Rfc4180.cells(lines.get(r));
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException("sweep.csv row " + r + " has " + cells.size() + " cells, the header "
                        + header.size() + ": " + lines.get(r));
            }
            double[] statistics = new double[cells.size() - p];
            Arrays.setAll(statistics, i -> number(cells.get(p + i)));
            rows.add(new Row(cells.subList(0, p), statistics));
        }
        return new Contents(metrics, rows);
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

    /**
     * Checks that {@code lines} are the beginning of this sweep's table and says how far it got.
     *
     * @throws ExperimentException the lines are another sweep's (other columns, other values, more rows)
     */
    static Progress progress(List<String> parameters, List<SweepPoint> points, List<String> lines) {
        if (lines.isEmpty()) {
            return new Progress(0, null);
        }
        Contents table;
        try {
            table = read(parameters, lines);
        } catch (IllegalArgumentException e) {
            throw mismatch(e.getMessage() + "; this sweep varies " + String.join(",", parameters));
        }
        if (table.rows().size() > points.size()) {
            throw mismatch("it has " + table.rows().size() + " rows; this sweep has " + points.size() + " points");
        }
        for (int i = 0; i < table.rows().size(); i++) {
            SweepPoint point = points.get(i);
            if (!table.rows().get(i).values().equals(point.values())) {
                throw mismatch("row " + (i + 1) + " is " + lines.get(i + 1) + "; this sweep's point " + (i + 1) + " is "
                        + Rfc4180.line(point.values()));
            }
        }
        return new Progress(table.rows().size(), table.metrics());
    }

    private static ExperimentException mismatch(String detail) {
        return new ExperimentException("the existing sweep.csv was written by a different sweep (" + detail
                + "); write to another directory (-o) or delete the file to start over");
    }
}
