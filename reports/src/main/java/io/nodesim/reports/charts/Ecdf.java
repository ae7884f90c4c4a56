package io.nodesim.reports.charts;

import java.util.Arrays;

/** The empirical distribution function of a sample, as the points of a step line. */
public final class Ecdf {
    private Ecdf() {
    }

    /**
     * Points (x, fraction of samples ≤ x): one at the smallest sample with fraction 0 (so the line
     * starts on the axis), then one per distinct sample. Beyond {@code maxPoints} distinct values
     * only the points where the fraction crosses a multiple of 1/maxPoints are kept (and the last),
     * which changes no point's value, only how finely the line bends. NaN samples are ignored.
     */
    public static Series of(String name, double[] samples, int maxPoints) {
        double[] s = Arrays.stream(samples).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = s.length;
        if (n == 0) {
            return new Series(name, new double[0], new double[0]);
        }
        double[] x = new double[n + 1];
        double[] y = new double[n + 1];
        int m = 0;
        x[m] = s[0];
        y[m++] = 0;
        long lastBucket = -1;
        for (int i = 0; i < n; i++) {
            boolean lastOfValue = i == n - 1 || s[i + 1] != s[i];
            if (!lastOfValue) {
                continue;
            }
            double fraction = (i + 1) / (double) n;
            long bucket = (long) Math.floor(fraction * maxPoints);
            if (bucket > lastBucket || i == n - 1) {
                x[m] = s[i];
                y[m++] = fraction;
                lastBucket = bucket;
            }
        }
        return new Series(name, Arrays.copyOf(x, m), Arrays.copyOf(y, m));
    }
}
