package io.nodesim.reports.charts;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named line of a chart: the data a chart draws, kept apart from the drawing so it can be
 * checked exactly (golden tests compare series, never pixels).
 *
 * @param x the x values, non-decreasing
 * @param y the y values, one per x
 */
public record Series(String name, double[] x, double[] y) {
    public Series {
        Objects.requireNonNull(name, "name");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    public int size() {
        return x.length;
    }

    public boolean isEmpty() {
        return x.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && name.equals(s.name) && Arrays.equals(x, s.x) && Arrays.equals(y, s.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(':');
        for (int i = 0; i < x.length; i++) {
            sb.append(" (").append(x[i]).append(", ").append(y[i]).append(')');
        }
        return sb.toString();
    }
}
