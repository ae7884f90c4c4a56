package io.nodesim.reports.charts.sweep;

import io.nodesim.metrics.MetricRegistry;
import io.nodesim.reports.charts.sweep.SweepResults.Stat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The data of the trade-off chart: each point's false evictions (the cost of short timeouts) against
 * its recovery time (their benefit), and the Pareto front: the points no other point beats on both.
 * Every setting off the front is worse than some setting on it, whatever weight one gives to the two.
 */
public final class TradeOffData {
    /** The cost axis. */
    public static final String FALSE_EVICTIONS = MetricRegistry.FALSE_EVICTIONS.name();

    /**
     * The recovery axis, by preference: the replacement's Ready time when the model produces it, else
     * the deletion of pods whose containers were dead (a false eviction is not a recovery, and a
     * deletion time measured from the start of a long heartbeat-delay window says nothing about how
     * fast a real failure is handled), else every pod deletion.
     */
    public static final List<String> RECOVERY_METRICS =
            List.of(MetricRegistry.TIME_TO_REPLACEMENT_READY.name(), MetricRegistry.TIME_TO_DEAD_POD_DELETION.name(),
                    MetricRegistry.TIME_TO_POD_DELETION.name());

    /**
     * One point of the sweep.
     *
     * @param point the row in sweep.csv (0-based)
     * @param label the point's values, " / "-separated in column order
     */
    public record Point(int point, String label, double x, double xLow, double xHigh, double y, double yLow,
            double yHigh) {
        boolean dominates(Point o) {
            return x <= o.x && y <= o.y && (x < o.x || y < o.y);
        }
    }

    /**
     * @param recoveryMetric the metric on the y axis
     * @param points every point with both means, in row order
     * @param front the points on the Pareto front, by increasing false evictions (so decreasing recovery time)
     */
    public record TradeOff(String recoveryMetric, List<Point> points, List<Point> front) {
        public TradeOff {
            points = List.copyOf(points);
            front = List.copyOf(front);
        }

        /** Whether any point had a false eviction; if none did, there is nothing to trade. */
        public boolean anyFalseEviction() {
            return points.stream().anyMatch(p -> p.x() > 0);
        }
    }

    private TradeOffData() {
    }

    /** The recovery metric the chart uses for this sweep, if the table has one with a value. */
    public static Optional<String> recoveryMetric(SweepResults r) {
        for (String m : RECOVERY_METRICS) {
            for (int i = 0; i < r.size(); i++) {
                if (r.stat(i, m).present()) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    /** Empty when the table lacks false evictions or a recovery metric. */
    public static Optional<TradeOff> of(SweepResults r) {
        Optional<String> recovery = recoveryMetric(r);
        if (recovery.isEmpty() || !r.hasMetric(FALSE_EVICTIONS)) {
            return Optional.empty();
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            Stat x = r.stat(i, FALSE_EVICTIONS);
            Stat y = r.stat(i, recovery.get());
            if (x.present() && y.present()) {
                points.add(new Point(i, String.join(" / ", r.values(i)), x.mean(), x.ci95Low(), x.ci95High(), y.mean(),
                        y.ci95Low(), y.ci95High()));
            }
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TradeOff(recovery.get(), points, front(points)));
    }

    /**
     * The non-dominated points: sorted by x, then y, a point is on the front when its y is strictly
     * below every y before it. Of identical points only the first is kept.
     */
    static List<Point> front(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
        List<Point> front = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (Point p : sorted) {
            if (p.y() < best) {
                front.add(p);
                best = p.y();
            }
        }
        return front;
    }
}
