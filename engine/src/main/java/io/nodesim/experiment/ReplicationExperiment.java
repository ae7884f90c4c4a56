package io.nodesim.experiment;

import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Runs replications 0..n-1 of one scenario in parallel and returns them in replication order.
 *
 * <p>Replication r of a scenario is a pure function of (scenario, r) (see {@link ReplicationRunner}),
 * and results are stored by r, so the returned list, and every file written from it, is the same for
 * 1 thread or 64. Interrupting the calling thread (the CLI does on Ctrl-C) cancels the experiment
 * with an {@link InterruptedException} and no result at all: callers write their outputs only when a
 * call returns.
 *
 * <p><b>Sequential precision</b> ({@link #runToPrecision}): replications are added in batches and
 * the stopping rule is checked only between batches, on replications 0..n-1, so the number run does
 * not depend on which replication happened to finish first. After a batch of n replications with
 * half-width h above the target X, the next total is n·(h/X)² (the t interval narrows as 1/√n),
 * at least n + 1, at most 2n (a noisy early estimate must not launch thousands of runs), and at most
 * the cap.
 */
public final class ReplicationExperiment {
    private final ReplicationRunner runner;
    private final ParallelTasks tasks;
    private final ProgressListener listener;

    public ReplicationExperiment(ReplicationRunner runner, int threads, ProgressListener listener) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.tasks = new ParallelTasks(threads);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** All cores, no progress reporting. */
    public ReplicationExperiment(ReplicationRunner runner) {
        this(runner, ParallelTasks.defaultThreads(), ProgressListener.NONE);
    }

    /** The scenario's own number of replications. */
    public List<RunResult> run(Scenario scenario) throws InterruptedException {
        return run(scenario, scenario.replications());
    }

    public List<RunResult> run(Scenario scenario, int replications) throws InterruptedException {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + replications);
        }
        return List.of(runRange(scenario, new RunResult[0], replications));
    }

    /** Adds replications until the target metric's interval is narrow enough, or the cap is reached. */
    public PrecisionOutcome runToPrecision(Scenario scenario, PrecisionTarget target) throws InterruptedException {
        RunResult[] runs = runRange(scenario, new RunResult[0], target.minReplications());
        while (true) {
            List<RunResult> list = Arrays.asList(runs);
            double half = halfWidth(list, target.metric());
            if (half < target.halfWidth() || runs.length >= target.maxReplications()) {
                return new PrecisionOutcome(list, half < target.halfWidth(), half);
            }
            runs = runRange(scenario, runs, nextTotal(runs.length, half, target));
        }
    }

    static int nextTotal(int n, double halfWidth, PrecisionTarget target) {
        long wanted = Double.isNaN(halfWidth)
                ? 2L * n
                : (long) Math.ceil(n * (halfWidth / target.halfWidth()) * (halfWidth / target.halfWidth()));
        long next = Math.min(Math.max(wanted, n + 1L), 2L * n);
        return (int) Math.min(next, target.maxReplications());
    }

    private static double halfWidth(List<RunResult> runs, String metric) {
        List<String> known = new ArrayList<>();
        for (MetricSummary s : Summaries.summarize(runs)) {
            if (s.metric().equals(metric)) {
                return (s.ci95High() - s.ci95Low()) / 2;
            }
            known.add(s.metric());
        }
        throw new IllegalArgumentException("--metric " + metric + ": the runs produced no such metric; they have "
                + String.join(", ", known));
    }

    /** Runs replications {@code done.length..total-1} and returns all of 0..total-1. */
    private RunResult[] runRange(Scenario scenario, RunResult[] done, int total) throws InterruptedException {
        RunResult[] runs = Arrays.copyOf(done, total);
        int from = done.length;
        int[] finished = {from};
        tasks.run(total - from, i -> runner.run(scenario, from + i), (i, result) -> {
            runs[from + i] = result;
            listener.replicationsDone(++finished[0], total);
        });
        return runs;
    }
}
