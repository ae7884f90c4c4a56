package io.nodesim.reports.charts.sweep;

import io.nodesim.reports.charts.sweep.SweepResults.Kind;
import io.nodesim.reports.charts.sweep.SweepResults.Stat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The data of one "metric against a setting" chart: for one varied setting, a panel per metric with
 * the mean and its 95 % interval at each point.
 *
 * <p>When other settings vary too, the points with the same values of the others form one line
 * (a line per combination, as in an interaction plot), so the effect of this setting is read along a
 * line and the effect of the others between lines. When that would give more than
 * {@value #MAX_LINES} lines, or lines of one point each (a Latin hypercube), all points form one
 * unconnected series instead.
 */
public final class ParameterEffectData {
    /** More lines than this are unreadable in one panel (and the palette repeats). */
    static final int MAX_LINES = 10;

    /** One metric's panel: the series share the chart's colours by position. */
    public record Panel(String metric, List<IntervalSeries> series) {
        public Panel {
            series = List.copyOf(series);
        }
    }

    /**
     * @param kind how the setting's values are placed on the x axis
     * @param categories the values in slot order when {@code kind} is CATEGORY, else empty
     * @param connected whether each series is a line (a combination of the other settings) or loose points
     * @param panels one per metric that has a value at some point, in column order
     */
    public record Effect(int parameter, Kind kind, List<String> categories, boolean connected, List<Panel> panels) {
        public Effect {
            categories = List.copyOf(categories);
            panels = List.copyOf(panels);
        }

        /** The most points any panel draws. */
        public int points() {
            return panels.stream().mapToInt(p -> p.series().stream().mapToInt(IntervalSeries::size).sum()).max()
                    .orElse(0);
        }
    }

    private ParameterEffectData() {
    }

    public static Effect of(SweepResults r, int parameter) {
        List<Integer> others = new ArrayList<>();
        for (int q = 0; q < r.parameters().size(); q++) {
            if (q != parameter) {
                others.add(q);
            }
        }
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < r.size(); i++) {
            int point = i;
            List<String> key = others.stream().map(q -> r.value(point, q)).toList();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        boolean connected = groups.size() <= MAX_LINES && groups.values().stream().anyMatch(g -> g.size() > 1);
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        if (connected) {
            groups.forEach((key, points) -> series.put(lineName(r, others, key), points));
        } else if (r.size() > 0) {
            List<Integer> all = new ArrayList<>();
            groups.values().forEach(all::addAll);
            all.sort(Comparator.naturalOrder());
            series.put(others.isEmpty() ? "mean, 95 % CI" : "each point (mean, 95 % CI)", all);
        }
        double[] x = r.positions(parameter);
        List<Panel> panels = new ArrayList<>();
        for (String metric : r.metrics()) {
            List<IntervalSeries> lines = new ArrayList<>();
            boolean any = false;
            for (Map.Entry<String, List<Integer>> e : series.entrySet()) {
                IntervalSeries s = series(e.getKey(), e.getValue(), x, r, metric);
                any |= s.size() > 0;
                lines.add(s);
            }
            if (any) {
                panels.add(new Panel(metric, lines));
            }
        }
        Kind kind = r.kind(parameter);
        return new Effect(parameter, kind, kind == Kind.CATEGORY ? r.distinctValues(parameter) : List.of(), connected,
                panels);
    }

    private static String lineName(SweepResults r, List<Integer> others, List<String> key) {
        if (others.isEmpty()) {
            return "mean, 95 % CI";
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < others.size(); k++) {
            parts.add(Names.setting(r.parameters().get(others.get(k))) + " " + key.get(k));
        }
        return parts.stream().collect(Collectors.joining(", "));
    }

    /** The points that have the metric, in order of x (ties keep row order). */
    private static IntervalSeries series(String name, List<Integer> points, double[] x, SweepResults r, String metric) {
        List<Integer> present = points.stream().filter(p -> r.stat(p, metric).present())
                .sorted(Comparator.comparingDouble(p -> x[p])).toList();
        int n = present.size();
        double[] xs = new double[n];
        double[] y = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            Stat s = r.stat(present.get(i), metric);
            xs[i] = x[present.get(i)];
            y[i] = s.mean();
            low[i] = s.ci95Low();
            high[i] = s.ci95High();
        }
        return new IntervalSeries(name, xs, y, low, high);
    }
}
