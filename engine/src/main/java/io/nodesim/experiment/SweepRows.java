package io.nodesim.experiment;

import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Turns finished tasks, arriving in any order, into sweep.csv's rows in point order: a point's row
 * is computed when its last replication arrives and held until every earlier row is written. The
 * one place rows are made, whether the tasks ran here ({@link Sweep#run}), in shards or on Spark
 * ({@link #write}), so every way of running a sweep writes the same bytes.
 */
final class SweepRows {
    /** Where complete lines go. */
    @FunctionalInterface
    interface Appender {
        void append(List<String> lines) throws IOException;
    }

    private final List<String> parameters;
    private final List<SweepPoint> points;
    private final int first;
    private final int[] offsets;
    private final Appender journal;
    private final ProgressListener listener;
    private final RunResult[][] results;
    private final int[] missing;
    private final List<List<MetricSummary>> summaries;
    private List<String> metrics;
    private int next;

    /**
     * @param first the first point to write (those before are in the journal already)
     * @param metrics the metric columns of the rows already written; null before the header
     * @param offsets the first task of point {@code first + p} at {@code p}, the task count last
     */
    SweepRows(List<String> parameters, List<SweepPoint> points, int first, List<String> metrics, int[] offsets,
            Appender journal, ProgressListener listener) {
        this.parameters = parameters;
        this.points = points;
        this.first = first;
        this.metrics = metrics;
        this.offsets = offsets;
        this.journal = journal;
        this.listener = listener;
        int count = offsets.length - 1;
        this.results = new RunResult[count][];
        this.missing = new int[count];
        this.summaries = new ArrayList<>(Collections.nCopies(count, null));
        for (int p = 0; p < count; p++) {
            results[p] = new RunResult[offsets[p + 1] - offsets[p]];
            missing[p] = results[p].length;
        }
    }

    /**
     * The whole table of a sweep whose tasks ran elsewhere, from every task's samples: its lines.
     *
     * @param tasks every task of the sweep, in task order
     * @throws IllegalArgumentException the tasks are not every task of these points, in order
     */
    static List<String> table(List<String> parameters, List<SweepPoint> points, List<TaskSamples> tasks) {
        int[] offsets = new int[points.size() + 1];
        for (TaskSamples s : tasks) {
            if (s.point() < 0 || s.point() >= points.size()) {
                throw new IllegalArgumentException("task " + s.task() + " names point " + s.point() + "; the sweep has "
                        + points.size());
            }
            offsets[s.point() + 1]++;
        }
        for (int p = 0; p < points.size(); p++) {
            if (offsets[p + 1] == 0) {
                throw new IllegalArgumentException("point " + p + " has no task");
            }
            offsets[p + 1] += offsets[p];
        }
        for (int t = 0; t < tasks.size(); t++) {
            TaskSamples s = tasks.get(t);
            if (s.task() != t || t < offsets[s.point()] || t >= offsets[s.point() + 1]
                    || s.replication() != t - offsets[s.point()]) {
                throw new IllegalArgumentException("task " + t + " is not in task order: task " + s.task() + ", point "
                        + s.point() + ", replication " + s.replication());
            }
        }
        List<String> lines = new ArrayList<>();
        SweepRows rows = new SweepRows(parameters, points, 0, null, offsets, lines::addAll, ProgressListener.NONE);
        try {
            for (TaskSamples s : tasks) {
                rows.finished(s.task(), s.toRunResult());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("adding to a list cannot fail", e);
        }
        return lines;
    }

    int taskCount() {
        return offsets[offsets.length - 1];
    }

    /** The point (counted from {@code first}) that task {@code task} belongs to. */
    int pointOf(int task) {
        return pointOf(offsets, task);
    }

    static int pointOf(int[] offsets, int task) {
        int p = Arrays.binarySearch(offsets, task);
        // an exact hit is a point's first task, unless a later point starts there too (offsets strictly increase)
        return p >= 0 ? p : -p - 2;
    }

    int offset(int point) {
        return offsets[point];
    }

    /** One task's result; writes every row that is now complete and next in order. */
    void finished(int task, RunResult result) throws IOException {
        int p = pointOf(task);
        results[p][task - offsets[p]] = result;
        if (--missing[p] == 0) {
            summaries.set(p, Summaries.summarize(Arrays.asList(results[p])));
            results[p] = null;
        }
        while (next < summaries.size() && summaries.get(next) != null) {
            writeRow(next);
            summaries.set(next, null);
            next++;
            listener.pointsDone(first + next, points.size());
        }
    }

    private void writeRow(int p) throws IOException {
        List<String> lines = new ArrayList<>(2);
        if (metrics == null) {
            metrics = summaries.get(p).stream().map(MetricSummary::metric).toList();
            lines.add(SweepTable.header(parameters, metrics));
        }
        lines.add(SweepTable.row(points.get(first + p), metrics, summaries.get(p)));
        journal.append(lines);
    }
}
