package io.nodesim.reports.charts.sweep;

import io.nodesim.reports.charts.Series;
import java.util.Arrays;
import java.util.Objects;

/**
 * One named line of means with an interval around each (the 95 % confidence interval), kept apart
 * from the drawing so golden tests can compare it exactly. Where a point has no interval (a single
 * replication) its low and high are NaN and no bar is drawn.
 *
 * @param mean the line itself: x and the mean at x
 * @param low the interval's lower end at each point
 * @param high its upper end
 */
public record IntervalSeries(Series mean, double[] low, double[] high) {
    public IntervalSeries {
        Objects.requireNonNull(mean, "mean");
        if (mean.size() != low.length || low.length != high.length) {
            throw new IllegalArgumentException("the means and their intervals differ in length");
        }
        low = low.clone();
        high = high.clone();
    }

    public IntervalSeries(String name, double[] x, double[] y, double[] low, double[] high) {
        this(new Series(name, x, y), low, high);
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    public String name() {
        return mean.name();
    }

    public int size() {
        return mean.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalSeries s && mean.equals(s.mean) && Arrays.equals(low, s.low)
                && Arrays.equals(high, s.high);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mean, Arrays.hashCode(low), Arrays.hashCode(high));
    }

    /** {@code name: (x, y [low, high]) ...}: the form the golden tests compare. */
    @Override
    public String toString() {
        double[] x = mean.x();
        double[] y = mean.y();
        StringBuilder sb = new StringBuilder(mean.name()).append(':');
        for (int i = 0; i < x.length; i++) {
            sb.append(" (").append(x[i]).append(", ").append(y[i]).append(" [").append(low[i]).append(", ")
                    .append(high[i]).append("])");
        }
        return sb.toString();
    }
}
