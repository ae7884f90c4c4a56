package io.nodesim.experiment;

import io.nodesim.metrics.MetricSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of sweep.csv (DESIGN §3): the varied values (a column per setting, named by its path),
 * then for each metric {@code <metric>_mean,<metric>_ci95_low,<metric>_ci95_high,<metric>_p50,<metric>_p99}.
 * RFC 4180 cells, lines ended by a single LF; numbers in seconds with 3 decimals (rounded half up,
 * locale-independent), an empty cell where a statistic is undefined (NaN).
 *
 * <p>The metric columns are those of the first point, in {@link Summaries} order; a later point that
 * lacks one of them leaves its cells empty. On resume the columns are read back from the header.
 */
final class SweepTable {
    static final List<String> STATISTICS = List.of("_mean", "_ci95_low", "_ci95_high", "_p50", "_p99");

    /** How much of a sweep an existing table already holds. */
    record Progress(int completedPoints, List<String> metrics) {
    }

    private SweepTable() {
    }

    static String header(List<String> parameters, List<String> metrics) {
        List<String> cells = new ArrayList<>(parameters);
        for (String m : metrics) {
            STATISTICS.forEach(s -> cells.add(m + s));
        }
        return line(cells);
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
                cells.add(number(s.mean()));
                cells.add(number(s.ci95Low()));
                cells.add(number(s.ci95High()));
                cells.add(number(s.p50()));
                cells.add(number(s.p99()));
            }
        }
        return line(cells);
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
        List<String> header = cells(lines.get(0));
        int p = parameters.size();
        boolean matches = header.size() >= p && header.subList(0, p).equals(parameters)
                && (header.size() - p) % STATISTICS.size() == 0;
        List<String> metrics = new ArrayList<>();
        for (int c = p; matches && c < header.size(); c += STATISTICS.size()) {
            String m = metricOf(header.get(c), STATISTICS.get(0));
            matches = m != null && header.subList(c, c + STATISTICS.size()).equals(metricCells(m));
            metrics.add(m);
        }
        if (!matches) {
            throw mismatch("its columns are " + lines.get(0) + "; this sweep varies " + String.join(",", parameters));
        }
        if (lines.size() - 1 > points.size()) {
            throw mismatch("it has " + (lines.size() - 1) + " rows; this sweep has " + points.size() + " points");
        }
        for (int i = 1; i < lines.size(); i++) {
            List<String> row = cells(lines.get(i));
            SweepPoint point = points.get(i - 1);
            if (row.size() != header.size() || !row.subList(0, p).equals(point.values())) {
                throw mismatch("row " + i + " is " + lines.get(i) + "; this sweep's point " + i + " is "
                        + line(point.values()));
            }
        }
        return new Progress(lines.size() - 1, List.copyOf(metrics));
    }

    private static ExperimentException mismatch(String detail) {
        return new ExperimentException("the existing sweep.csv was written by a different sweep (" + detail
                + "); write to another directory (-o) or delete the file to start over");
    }

    private static String metricOf(String cell, String suffix) {
        return cell.endsWith(suffix) && cell.length() > suffix.length()
                ? cell.substring(0, cell.length() - suffix.length()) : null;
    }

    private static List<String> metricCells(String metric) {
        return STATISTICS.stream().map(s -> metric + s).toList();
    }

    static String number(double x) {
        return Double.isNaN(x) ? "" : new BigDecimal(Double.toString(x)).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Splits one RFC 4180 line (as {@link #line} writes them: no line break inside a cell). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
