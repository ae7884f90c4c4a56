package io.nodesim.reports.charts;

import io.nodesim.kernel.SimTime;
import java.util.Arrays;
import java.util.stream.IntStream;

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
        int[] order = sortedChanges();
        int value = base;
        int i = 0;
        while (i < size && times[order[i]] < start) {
            value += deltas[order[i++]];
        }
        int firstInside = i;
        int distinct = 0;
        for (int k = i; k < size && times[order[k]] <= end; k++) {
            if (k == i || times[order[k]] != times[order[k - 1]]) {
                distinct++;
            }
        }
        if (distinct + 2 > maxPoints) {
            return sampled(name, value, order, firstInside, start, end, maxPoints);
        }
        double[] x = new double[distinct + 2];
        double[] y = new double[distinct + 2];
        int n = 0;
        x[n] = SimTime.toSeconds(start);
        y[n++] = value;
        long last = start;
        while (i < size && times[order[i]] <= end) {
            last = times[order[i]];
            while (i < size && times[order[i]] == last) {
                value += deltas[order[i++]];
            }
            x[n] = SimTime.toSeconds(last);
            y[n++] = value;
        }
        if (end > last || n == 1) {
            x[n] = SimTime.toSeconds(end);
            y[n++] = value;
        }
        return new Series(name, Arrays.copyOf(x, n), Arrays.copyOf(y, n));
    }

    private Series sampled(String name, int startValue, int[] order, int from, long start, long end, int points) {
        double[] x = new double[points];
        double[] y = new double[points];
        int value = startValue;
        int i = from;
        for (int k = 0; k < points; k++) {
            long t = start + (long) ((end - start) * (k / (double) (points - 1)));
            while (i < size && times[order[i]] <= t) {
                value += deltas[order[i++]];
            }
            x[k] = SimTime.toSeconds(t);
            y[k] = value;
        }
        return new Series(name, x, y);
    }

    /** Indices of the changes sorted by time; stable, so equal times keep the order they were added in. */
    private int[] sortedChanges() {
        return IntStream.range(0, size).boxed()
                .sorted((a, b) -> Long.compare(times[a], times[b]))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
