package io.nodesim.experiment;

import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;
import java.io.IOException;
import java.util.ArrayList;
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
 * with the same table as an uninterrupted run. What the header cannot show (the scenario's content,
 * the {@code --set} overrides, the replications) is in the {@link SweepIdentity} the journal
 * records when it begins; a journal of another identity is refused.
 *
 * <p><b>Beyond one machine.</b> A task is one (point, replication), numbered point by point.
 * {@link #runShard} runs the tasks of one shard and returns their raw samples; {@link #table}
 * makes the table from every task's samples, wherever they ran, with the same rows as {@link #run}.
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
     * Runs the points the journal does not hold yet and appends their rows. A journal that holds rows
     * continues only if it was begun by this very sweep: the same scenario content and arguments.
     *
     * @throws InterruptedException the calling thread was interrupted; the journal holds every row
     *     completed before, and nothing else
     * @throws ExperimentException the journal holds another sweep's rows
     */
    public void run(SweepJournal journal, SweepIdentity identity) throws InterruptedException, IOException {
        List<String> lines = journal.lines();
        if (!lines.isEmpty()) {
            SweepIdentity recorded = journal.identity().orElseThrow(() -> new ExperimentException(journal.describe()
                    + " holds rows but no record of the scenario and arguments that wrote them (written by an older "
                    + "nodesim, or the record was deleted): it cannot be resumed safely; write to another directory "
                    + "(-o) or delete it to start over"));
            identity.mismatch(recorded, journal.describe()).ifPresent(reason -> {
                throw new ExperimentException(reason + "; resuming would mix two experiments in one table: write to "
                        + "another directory (-o) or delete it to start over");
            });
        }
        SweepTable.Progress progress = SweepTable.progress(parameters, points, lines);
        int first = progress.completedPoints();
        listener.pointsDone(first, points.size());
        if (first == points.size()) {
            return;
        }
        Scenario[] scenarios = scenarios(first);
        if (lines.isEmpty()) {
            journal.begin(identity);
        }
        SweepRows rows = new SweepRows(parameters, points, first, progress.metrics(), offsets(scenarios), journal::append,
                listener);
        int[] done = {0};
        tasks.run(rows.taskCount(), task -> {
            int p = rows.pointOf(task);
            return replicate(scenarios[p], task - rows.offset(p));
        }, (task, result) -> {
            listener.replicationsDone(++done[0], rows.taskCount());
            rows.finished(task, result);
        });
    }

    /**
     * Runs the tasks of one shard ({@code --shard I/N}) and returns their samples, in task order.
     *
     * @throws InterruptedException the calling thread was interrupted; nothing is returned
     */
    public ShardResult runShard(Shard shard) throws InterruptedException {
        Scenario[] scenarios = scenarios(0);
        int[] offsets = offsets(scenarios);
        int total = offsets[scenarios.length];
        int count = shard.taskCount(total);
        TaskSamples[] samples = new TaskSamples[count];
        int[] done = {0};
        tasks.run(count, i -> {
            int task = shard.index() + i * shard.count();
            int p = SweepRows.pointOf(offsets, task);
            int r = task - offsets[p];
            return new TaskSamples(task, p, r, replicate(scenarios[p], r).metrics());
        }, (i, result) -> {
            samples[i] = result;
            listener.replicationsDone(++done[0], count);
        });
        return new ShardResult(shard, total, List.of(samples));
    }

    /**
     * Every task of the sweep, in task order, for an engine that runs them elsewhere (Spark): builds
     * every point's scenario, so a bad value fails here.
     */
    public List<SweepTask> tasks() {
        int[] offsets = offsets(scenarios(0));
        List<SweepTask> tasks = new ArrayList<>(offsets[offsets.length - 1]);
        for (int p = 0; p + 1 < offsets.length; p++) {
            List<String> overrides = points.get(p).overrides(parameters);
            for (int t = offsets[p]; t < offsets[p + 1]; t++) {
                tasks.add(new SweepTask(t, p, t - offsets[p], overrides));
            }
        }
        return tasks;
    }

    /**
     * One task: replication {@code replication} of the point whose scenario is the base scenario with
     * {@code overrides}.
     */
    public record SweepTask(int task, int point, int replication, List<String> overrides) {
        public SweepTask {
            overrides = List.copyOf(overrides);
        }
    }

    /**
     * The tasks of one shard, run.
     *
     * @param totalTasks the number of tasks of the whole sweep
     * @param samples the shard's tasks, in task order
     */
    public record ShardResult(Shard shard, int totalTasks, List<TaskSamples> samples) {
        public ShardResult {
            samples = List.copyOf(samples);
        }
    }

    /**
     * The lines of the table of a sweep whose tasks ran elsewhere (shards, Spark): the lines a
     * {@link #run} of the same sweep appends.
     *
     * @param points the sweep's points ({@link SweepSpec#design})
     * @param samples every task of the sweep, in task order
     * @throws IllegalArgumentException the samples are not every task of these points, in order
     */
    public static List<String> table(List<String> parameters, List<SweepPoint> points, List<TaskSamples> samples) {
        return SweepRows.table(parameters, points, samples);
    }

    /** Every point's scenario from point {@code first} on, built before anything runs: a bad value fails now. */
    private Scenario[] scenarios(int first) {
        Scenario[] scenarios = new Scenario[points.size() - first];
        for (int p = 0; p < scenarios.length; p++) {
            scenarios[p] = factory.create(points.get(first + p).overrides(parameters));
        }
        return scenarios;
    }

    private int[] offsets(Scenario[] scenarios) {
        int[] offsets = new int[scenarios.length + 1];
        for (int p = 0; p < scenarios.length; p++) {
            offsets[p + 1] = offsets[p] + (replications > 0 ? replications : scenarios[p].replications());
        }
        return offsets;
    }

    /** On a worker: one replication, kept to its metrics so that hundreds of results fit in memory. */
    private RunResult replicate(Scenario scenario, int replication) {
        RunResult r = runner.run(scenario, replication);
        return new RunResult(r.replication(), List.of(), List.of(), List.of(), List.of(), r.metrics(),
                r.eventsFired());
    }
}
