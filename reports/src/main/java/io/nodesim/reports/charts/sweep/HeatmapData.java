package io.nodesim.reports.charts.sweep;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data of the heatmaps: for a sweep over exactly two settings that forms a full grid (every
 * combination once, at least two values each), each metric's mean in every cell.
 */
public final class HeatmapData {
    /**
     * @param xValues the first setting's values, in order of first appearance (columns)
     * @param yValues the second setting's values, likewise (rows, from the bottom)
     * @param means per metric, {@code [x][y]}; NaN where the point has no value
     */
    public record Grid(String xParameter, List<String> xValues, String yParameter, List<String> yValues,
            Map<String, double[][]> means) {
        public Grid {
            xValues = List.copyOf(xValues);
            yValues = List.copyOf(yValues);
            means = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(means));
        }

        /** The metric's cells as text, one line per y value from the top: the form the golden tests compare. */
        public String text(String metric) {
            double[][] m = means.get(metric);
            StringBuilder sb = new StringBuilder();
            for (int y = yValues.size() - 1; y >= 0; y--) {
                sb.append(yValues.get(y)).append(':');
                for (int x = 0; x < xValues.size(); x++) {
                    sb.append(' ').append(m[x][y]);
                }
                sb.append('\n');
            }
            return sb.toString();
        }
    }

    private HeatmapData() {
    }

    /** Empty unless the sweep is a full two-setting grid. */
    public static Optional<Grid> of(SweepResults r) {
        if (r.parameters().size() != 2) {
            return Optional.empty();
        }
        List<String> xs = r.distinctValues(0);
        List<String> ys = r.distinctValues(1);
        if (xs.size() < 2 || ys.size() < 2 || xs.size() * ys.size() != r.size()) {
            return Optional.empty();
        }
        int[][] row = new int[xs.size()][ys.size()];
        for (int[] column : row) {
            Arrays.fill(column, -1);
        }
        for (int i = 0; i < r.size(); i++) {
            int x = xs.indexOf(r.value(i, 0));
            int y = ys.indexOf(r.value(i, 1));
            if (row[x][y] >= 0) {
                return Optional.empty(); // a combination twice means another one is missing
            }
            row[x][y] = i;
        }
        Map<String, double[][]> means = new LinkedHashMap<>();
        for (String metric : r.metrics()) {
            double[][] m = new double[xs.size()][ys.size()];
            boolean any = false;
            for (int x = 0; x < xs.size(); x++) {
                for (int y = 0; y < ys.size(); y++) {
                    m[x][y] = r.stat(row[x][y], metric).mean();
                    any |= !Double.isNaN(m[x][y]);
                }
            }
            if (any) {
                means.put(metric, m);
            }
        }
        return Optional.of(new Grid(r.parameters().get(0), xs, r.parameters().get(1), ys, means));
    }
}
