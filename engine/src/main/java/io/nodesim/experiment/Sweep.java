package io.nodesim.experiment;

import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Runs every point of a sweep, with its replications, in parallel, and appends one complete row per
 * point to a {@link SweepJournal}, in point order.
 *
 * <p><b>Common random numbers.</b> Replication r of every point runs with the point's scenario and
 * index r, exactly as {@code nodesim run} would run it: the points differ only in their settings, so
 * they draw from the same streams (seed, r, stream name) and see the same failures at the same
 * times. A difference between two rows is then the settings' doing, not sampling noise; two points
 * with equal settings give equal rows.
 *
 * <p><b>Parallelism.</b> Every (point, replication) is one task on a fixed pool; tasks start in
 * point order and finish in any order. A point's row is computed when its last replication
 * finishes, and held until every earlier row is written, so the table is the same for any number of
 * threads. Only the calling thread writes.
 *
 * <p><b>Resume.</b> Before running, the journal's existing lines are checked against this sweep (same
 * columns, rows equal to the first points' values, else {@link ExperimentException}) and the points
 * they hold are skipped. Rows are written whole, so after an interruption (Ctrl-C: the calling
 * thread is interrupted; or a kill) the same sweep continues at the first missing point, and ends
 * with the same table as an uninterrupted run. What the header cannot show (replication count,
 * seed, the scenario itself) is not checked: resume with the same command.
 */
public final class Sweep {
    private final List<String> parameters;
    private final List<SweepPoint> points;
    private final ScenarioFactory factory;
    private final ReplicationRunner runner;
    private final int replications;
    private final ParallelTasks tasks;
    private final ProgressListener listener;

    /**
     * @param replications replications per point; 0 takes each point's scenario's own number
     */
    public Sweep(SweepSpec spec, long seed, ScenarioFactory factory, ReplicationRunner runner, int replications,
            int threads, ProgressListener listener) {
        this.parameters = spec.parameters();
        this.points = spec.design(seed);
        this.factory = Objects.requireNonNull(factory, "factory");
        this.runner = Objects.requireNonNull(runner, "runner");
        if (replications < 0) {
            throw new IllegalArgumentException("replications must be >= 1 (0: each scenario's own), got "
                    + replications);
        }
        this.replications = replications;
        this.tasks = new ParallelTasks(threads);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public List<String> parameters() {
        return parameters;
    }

    public List<SweepPoint> points() {
        return points;
    }

    /**
     * Runs the points the journal does not hold yet and appends their rows.
     *
     * @throws InterruptedException the calling thread was interrupted; the journal holds every row
     *     completed before, and nothing else
     */
    public void run(SweepJournal journal) throws InterruptedException, IOException {
        SweepTable.Progress progress = SweepTable.progress(parameters, points, journal.lines());
        int first = progress.completedPoints();
        listener.pointsDone(first, points.size());
        if (first == points.size()) {
            return;
        }
        // every point's scenario is built before anything runs: a bad value fails now, not hours later
        int count = points.size() - first;
        Scenario[] scenarios = new Scenario[count];
        int[] offsets = new int[count + 1];
        for (int p = 0; p < count; p++) {
            scenarios[p] = factory.create(points.get(first + p).overrides(parameters));
            offsets[p + 1] = offsets[p] + (replications > 0 ? replications : scenarios[p].replications());
        }
        new Writer(journal, first, progress.metrics(), scenarios, offsets).run();
    }

    /** The state of one run: results by (point, replication), rows waiting for their turn. */
    private final class Writer {
        private final SweepJournal journal;
        private final int first;
        private List<String> metrics;
        private final Scenario[] scenarios;
        private final int[] offsets;
        private final RunResult[][] results;
        private final int[] missing;
        private final List<List<MetricSummary>> summaries;
        private int next;
        private int replicationsDone;

        Writer(SweepJournal journal, int first, List<String> metrics, Scenario[] scenarios, int[] offsets) {
            this.journal = journal;
            this.first = first;
            this.metrics = metrics;
            this.scenarios = scenarios;
            this.offsets = offsets;
            this.results = new RunResult[scenarios.length][];
            this.missing = new int[scenarios.length];
            this.summaries = new ArrayList<>(Collections.nCopies(scenarios.length, null));
            for (int p = 0; p < scenarios.length; p++) {
                results[p] = new RunResult[offsets[p + 1] - offsets[p]];
                missing[p] = results[p].length;
            }
        }

        void run() throws InterruptedException, IOException {
            tasks.run(offsets[scenarios.length], this::replicate, this::finished);
        }

        /** On a worker: one replication, kept to its metrics so that hundreds of results fit in memory. */
        private RunResult replicate(int task) {
            int p = pointOf(task);
            RunResult r = runner.run(scenarios[p], task - offsets[p]);
            return new RunResult(r.replication(), List.of(), List.of(), List.of(), List.of(), r.metrics(),
                    r.eventsFired());
        }

        /** On the calling thread. */
        private void finished(int task, RunResult result) throws IOException {
            int p = pointOf(task);
            results[p][task - offsets[p]] = result;
            listener.replicationsDone(++replicationsDone, offsets[scenarios.length]);
            if (--missing[p] == 0) {
                summaries.set(p, Summaries.summarize(Arrays.asList(results[p])));
                results[p] = null;
            }
            while (next < scenarios.length && summaries.get(next) != null) {
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

        private int pointOf(int task) {
            int p = Arrays.binarySearch(offsets, task);
            // an exact hit is a point's first task; offsets are strictly increasing (every scenario has >= 1 replication)
            return p >= 0 ? p : -p - 2;
        }
    }
}
