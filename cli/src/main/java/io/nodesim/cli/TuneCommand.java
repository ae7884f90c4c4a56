package io.nodesim.cli;

import io.nodesim.experiment.SweepPoint;
import io.nodesim.experiment.SweepSpec;
import io.nodesim.experiment.TuneGoal;
import io.nodesim.experiment.Tuner;
import io.nodesim.metrics.MetricRegistry;
import io.nodesim.reports.tune.TuneOutputs;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scheduler.PlacementMemo;
import io.nodesim.simulation.ClusterSimulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nodesim tune}: searches the varied settings for the one that minimises an objective within
 * constraints. The search is {@link Tuner} (racing with common random numbers over the points of a
 * {@link SweepSpec}); the outputs are {@link TuneOutputs}; this class only wires them and maps the
 * outcome to exit codes (1: no setting meets the constraints).
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Finds the setting that minimises an objective within constraints, running more replications "
            + "only where the comparison is close; writes tune.csv, recommendation.yaml and tune-tradeoff.png.")
final class TuneCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file.")
    Path scenarioFile;

    @Option(names = "--vary", paramLabel = "PATH=V1,V2,...", description = "A grid axis (repeatable), as for sweep.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--lhs", paramLabel = "PATH=LOW..HIGH", description = "A range (repeatable), sampled by Latin hypercube.")
    List<String> lhs = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "N", description = "Latin hypercube points (with --lhs).")
    int samples;

    @Option(names = "--objective", required = true, paramLabel = "METRIC[:p99|:mean]",
            description = "The summary metric to minimise: the mean of its per-replication means (default) or p99s.")
    String objective;

    @Option(names = "--constraint", paramLabel = "METRIC<=X", description = "A bound on a metric's mean (repeatable).")
    List<String> constraints = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Overrides a setting at every point.")
    List<String> set = new ArrayList<>();

    @Option(names = "--initial", paramLabel = "N", description = "Replications per point in the first round (default: 4).")
    int initial = 4;

    @Option(names = "--max-replications", paramLabel = "N", description = "The most replications a point gets (default: 64).")
    int maxReplications = 64;

    @Option(names = "--budget", paramLabel = "N", description = "The most replications in all (default: 16 per point).")
    int budget;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: out/<metadata.name>-tune/).")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        java.io.PrintWriter out = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        try {
            return tune(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int tune(java.io.PrintWriter out, java.io.PrintWriter err) throws Exception {
        Scenario base;
        SweepSpec spec;
        TuneGoal goal;
        List<Scenario> scenarios = new ArrayList<>();
        try {
            base = ScenarioLoader.load(scenarioFile, set);
            spec = vary.isEmpty() && lhs.isEmpty()
                    ? ScenarioLoader.sweepSection(scenarioFile).map(SweepSpec::of).orElseThrow(() ->
                            new IllegalArgumentException("nothing to tune: give --vary PATH=V1,V2,... or --lhs "
                                    + "PATH=LOW..HIGH, or a sweep: section in " + scenarioFile))
                    : SweepSpec.parse(vary, lhs, samples);
            goal = TuneGoal.parse(objective, constraints);
            checkMetric(goal.metric(), "--objective");
            goal.constraints().forEach(c -> checkMetric(c.metric(), "--constraint"));
            for (SweepPoint p : spec.design(base.seed())) {
                List<String> all = new ArrayList<>(set);
                all.addAll(p.overrides(spec.parameters()));
                scenarios.add(ScenarioLoader.load(scenarioFile, all));
            }
        } catch (ScenarioException | IllegalArgumentException e) {
            err.println("nodesim tune: " + e.getMessage());
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        List<SweepPoint> points = spec.design(base.seed());
        Tuner.Outcome outcome;
        try {
            PlacementMemo placements = new PlacementMemo();
            Tuner tuner = new Tuner(points, goal, (p, r) -> ClusterSimulation.run(scenarios.get(p), r, placements), initial,
                    maxReplications, budget > 0 ? budget : 16 * points.size(), threads);
            outcome = CtrlC.interruptible(tuner::run);
        } catch (IllegalArgumentException e) {
            err.println("nodesim tune: " + e.getMessage());
            return NodesimCommand.EXIT_BAD_INPUT;
        } catch (InterruptedException e) {
            err.println("nodesim tune: interrupted");
            return SweepCommand.EXIT_INTERRUPTED;
        }
        Path dir = output != null ? output : Path.of("out", base.name() + "-tune");
        TuneOutputs.write(dir, base, spec.parameters(), goal, outcome);
        if (outcome.best() < 0) {
            err.println("nodesim tune: no setting meets " + String.join(" and ", constraints) + " ("
                    + outcome.points().size() + " tried, " + outcome.replications() + " replications; see "
                    + dir.resolve(TuneOutputs.CSV) + ")");
            return NodesimCommand.EXIT_CHECK_FAILED;
        }
        Tuner.PointResult best = outcome.points().get(outcome.best());
        out.println("best: " + String.join(", ", best.point().overrides(spec.parameters())) + " — "
                + goal.objective() + " " + io.nodesim.metrics.CsvCells.statistic(goal.metric(), best.objective().mean())
                + (outcome.confident() ? ", better than every other setting with 95 % confidence"
                        : ", not separated from every other with 95 % confidence within the budget")
                + " (" + outcome.replications() + " replications)");
        out.println("Wrote " + dir.resolve(TuneOutputs.CSV) + ", " + dir.resolve(TuneOutputs.RECOMMENDATION)
                + " and the trade-off chart");
        return NodesimCommand.EXIT_OK;
    }

    private static void checkMetric(String metric, String option) {
        if (MetricRegistry.byName(metric).isEmpty()) {
            throw new IllegalArgumentException(option + ": unknown metric \"" + metric + "\"; metrics: "
                    + String.join(", ", MetricRegistry.ALL.stream().map(m -> m.name()).toList()));
        }
    }
}
