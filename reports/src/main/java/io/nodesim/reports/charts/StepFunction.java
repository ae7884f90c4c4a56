package io.nodesim.reports.charts;

import io.nodesim.kernel.SimTime;
import java.util.Arrays;

/**
 * A count that changes at instants (nodes not ready, pods pending, taints so far), built from
 * +1 / -1 changes and turned into the points of a step line. Changes at {@link SimTime#NEVER} are
 * ignored (the thing never happened), so callers may pass record fields as they are.
 */
public final class StepFunction {
    private long[] times = new long[16];
    private int[] deltas = new int[16];
    private int size;

    /** Adds {@code delta} to the count from {@code micros} on. */
    public void change(long micros, int delta) {
        if (micros == SimTime.NEVER) {
            return;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            deltas = Arrays.copyOf(deltas, size * 2);
        }
        times[size] = micros;
        deltas[size] = delta;
        size++;
    }

    /** Whether any change was recorded. */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The step line from {@code start} to {@code end} (microseconds) in seconds: a point at the
     * start, one per instant at which the count changes, one at the end unless a change falls on it.
     * Changes before the start are folded into the start value (a change at the start itself is
     * drawn as a step there); changes after the end are dropped. When there would be more than
     * {@code maxPoints} points, the count is sampled on a regular grid instead, so a 50,000-pod run
     * still draws (and writes an SVG) quickly.
     */
    public Series toSeries(String name, int base, long start, long end, int maxPoints) {
        long[] instants = distinctTimes();
        int[] sums = sumsAt(instants);
        int value = base;
        int i = 0;
        while (i < instants.length && instants[i] < start) {
            value += sums[i++];
        }
        int firstInside = i;
        int distinct = 0;
        while (firstInside + distinct < instants.length && instants[firstInside + distinct] <= end) {
            distinct++;
        }
        if (distinct + 2 > maxPoints) {
            return sampled(name, value, instants, sums, firstInside, start, end, maxPoints);
        }
        double[] x = new double[distinct + 2];
        double[] y = new double[distinct + 2];
        int n = 0;
        x[n] = SimTime.toSeconds(start);
        y[n++] = value;
        long last = start;
        for (; i < firstInside + distinct; i++) {
            last = instants[i];
            value += sums[i];
            x[n] = SimTime.toSeconds(last);
            y[n++] = value;
        }
        if (end > last || n == 1) {
            x[n] = SimTime.toSeconds(end);
            y[n++] = value;
        }
        return new Series(name, Arrays.copyOf(x, n), Arrays.copyOf(y, n));
    }

    private static Series sampled(String name, int startValue, long[] instants, int[] sums, int from, long start,
            long end, int points) {
        double[] x = new double[points];
        double[] y = new double[points];
        int value = startValue;
        int i = from;
        for (int k = 0; k < points; k++) {
            long t = start + (long) ((end - start) * (k / (double) (points - 1)));
            while (i < instants.length && instants[i] <= t) {
                value += sums[i++];
            }
            x[k] = SimTime.toSeconds(t);
            y[k] = value;
        }
        return new Series(name, x, y);
    }

    /**
     * The instants at which the count changes, ascending. Only the net change at each instant is
     * ever drawn, so the order of the changes that share one does not matter: sorting primitive
     * times avoids sorting boxed indices, which took most of the timeline's time for 50,000 pods.
     */
    private long[] distinctTimes() {
        long[] sorted = Arrays.copyOf(times, size);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** The net change at each of {@code instants}. */
    private int[] sumsAt(long[] instants) {
        int[] sums = new int[instants.length];
        for (int i = 0; i < size; i++) {
            sums[Arrays.binarySearch(instants, times[i])] += deltas[i];
        }
        return sums;
    }
}
