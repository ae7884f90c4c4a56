package io.nodesim.cli;

import io.nodesim.experiment.ExperimentException;
import io.nodesim.experiment.PrecisionOutcome;
import io.nodesim.experiment.PrecisionTarget;
import io.nodesim.experiment.ReplicationExperiment;
import io.nodesim.experiment.Summaries;
import io.nodesim.metrics.Metric;
import io.nodesim.metrics.MetricRegistry;
import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.RunResult;
import io.nodesim.reports.RunOutputs;
import io.nodesim.reports.console.SummaryTable;
import io.nodesim.reports.console.UnrecoveredPods;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.simulation.ClusterSimulation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nodesim run}: loads a scenario, runs its replications (in parallel, deterministically),
 * writes the CSVs, charts and report, and prints the summary table.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a scenario and writes nodes.csv, pods.csv, workloads.csv, summary.csv, charts and report.html.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file.")
    Path scenarioFile;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: out/<metadata.name>/).")
    Path output;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides spec.seed.")
    Long seed;

    @Option(names = "--replications", paramLabel = "N", description = "Overrides spec.replications.")
    Integer replications;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Overrides any setting; PATH is relative to spec.")
    List<String> set = new ArrayList<>();

    @Option(names = "--events", description = "Also write events.csv, the causal chain of every change.")
    boolean events;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Outputs do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--precision", paramLabel = "X",
            description = "Add replications until the 95%% CI half-width of --metric is below X (seconds, or a count).")
    Double precision;

    @Option(names = "--metric", paramLabel = "M", description = "The metric --precision applies to (default: time_to_pod_deletion).")
    String metric = MetricRegistry.TIME_TO_POD_DELETION.name();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        List<String> overrides = new ArrayList<>(set);
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        if (replications != null) {
            overrides.add("replications=" + replications);
        }
        if (threads < 1) {
            err.println("nodesim run: --threads must be >= 1, got " + threads);
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        if (precision != null && MetricRegistry.byName(metric).isEmpty()) {
            err.println("nodesim run: --metric " + metric + " is not a metric; the metrics are "
                    + MetricRegistry.ALL.stream().map(Metric::name).collect(Collectors.joining(", ")));
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        try {
            scenario = ScenarioLoader.load(scenarioFile, overrides);
        } catch (ScenarioException e) {
            err.println("nodesim run: " + e.getMessage());
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        PrecisionTarget target;
        try {
            target = precision == null ? null : new PrecisionTarget(metric, precision, scenario.replications());
        } catch (IllegalArgumentException e) {
            err.println("nodesim run: " + e.getMessage());
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        TieredRelaunch.stopWithParent(System.getenv());
        TieredRelaunch tiered = TieredRelaunch.forRun(scenario, precision != null, System.getenv());
        if (tiered != null) {
            return tiered.run(spec.commandLine().getParseResult().originalArgs());
        }
        boolean withEvents = events;
        ReplicationExperiment experiment = new ReplicationExperiment(
                (s, r) -> ClusterSimulation.run(s, r, withEvents), threads, ProgressBar.forConsole());
        long started = System.nanoTime();
        List<RunResult> runs;
        try {
            if (target != null) {
                PrecisionOutcome outcome = CtrlC.interruptible(() -> experiment.runToPrecision(scenario, target));
                runs = outcome.runs();
                out.printf(Locale.ROOT, "%s: 95%% CI half-width %.3f after %d replications (%s %.3f)%n",
                        metric, outcome.halfWidth(), runs.size(),
                        outcome.reached() ? "below the target" : "cap reached, target was", precision);
            } else {
                runs = CtrlC.interruptible(() -> experiment.run(scenario));
            }
        } catch (InterruptedException e) {
            err.println("nodesim run: interrupted; nothing was written");
            return SweepCommand.EXIT_INTERRUPTED;
        } catch (ExperimentException e) {
            if (e.getCause() instanceof ScenarioException bad) {
                // bad input only the placement of t = 0 can see (an initialPlacement row that does not fit)
                err.println("nodesim run: " + bad.getMessage());
                return NodesimCommand.EXIT_BAD_INPUT;
            }
            // a replication threw: an end-of-run invariant check failed (or the model did); nothing is written
            err.println("nodesim run: a run-time check failed: " + e.getMessage());
            return NodesimCommand.EXIT_CHECK_FAILED;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<MetricSummary> summaries = Summaries.summarize(runs);
        Path dir = output != null ? output : Path.of("out", scenario.name());
        List<Path> written = RunOutputs.write(dir, scenario, runs, summaries, events);
        long eventsFired = runs.stream().mapToLong(RunResult::eventsFired).sum();
        out.printf(Locale.ROOT, "%s: %d replication(s) of %s simulated in %.2f s (%,d events)%n",
                scenario.name(), runs.size(), io.nodesim.kernel.SimTime.formatSeconds(scenario.duration()) + " s",
                seconds, eventsFired);
        out.println();
        out.print(SummaryTable.format(summaries));
        out.println();
        List<String> unrecovered = UnrecoveredPods.lines(runs);
        if (!unrecovered.isEmpty()) {
            unrecovered.forEach(out::println);
            out.println();
        }
        out.println("Wrote " + written.size() + " files to " + dir + " (open " + dir.resolve("report.html") + ")");
        return NodesimCommand.EXIT_OK;
    }
}
