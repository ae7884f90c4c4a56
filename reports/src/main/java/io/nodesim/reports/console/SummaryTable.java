package io.nodesim.reports.console;

import io.nodesim.metrics.CsvCells;
import io.nodesim.metrics.MetricSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The short summary printed after a run: metric, count, p50, p90, p99, max in aligned columns,
 * numbers right-aligned with three decimals, "-" where a statistic is undefined.
 */
public final class SummaryTable {
    private static final String[] HEADER = {"metric", "count", "p50", "p90", "p99", "max"};

    private SummaryTable() {
    }

    /** The table, one line per metric after a header line, each line ending in "\n". */
    public static String format(List<MetricSummary> summaries) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MetricSummary m : summaries) {
            String n = m.metric();
            rows.add(new String[] {n, Long.toString(m.count()), cell(n, m.p50()), cell(n, m.p90()), cell(n, m.p99()),
                cell(n, m.max())});
        }
        int[] width = new int[HEADER.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(width[i] - r[i].length());
                line.append(i == 0 ? r[i] + pad : "  " + pad + r[i]);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String cell(String metric, double v) {
        String s = CsvCells.statistic(metric, v);
        return s.isEmpty() ? "-" : s;
    }
}
