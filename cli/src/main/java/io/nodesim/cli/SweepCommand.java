package io.nodesim.cli;

import io.nodesim.cli.job.SweepJobManifest;
import io.nodesim.experiment.ExperimentException;
import io.nodesim.experiment.ReplicationRunner;
import io.nodesim.scheduler.PlacementMemo;
import io.nodesim.experiment.ScenarioFactory;
import io.nodesim.experiment.Shard;
import io.nodesim.experiment.Sweep;
import io.nodesim.experiment.SweepArguments;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.experiment.SweepSpec;
import io.nodesim.reports.SweepOutputs;
import io.nodesim.reports.charts.sweep.SweepInput;
import io.nodesim.reports.charts.sweep.SweepResults;
import io.nodesim.reports.html.SweepReport;
import io.nodesim.reports.sweep.SweepCsvFile;
import io.nodesim.reports.sweep.SweepMerge;
import io.nodesim.reports.sweep.SweepPart;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scenario.ScenarioSources;
import io.nodesim.simulation.ClusterSimulation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nodesim sweep}: runs a scenario at every point of a grid or Latin hypercube of settings,
 * writes sweep.csv, resumably, and once every point is in it, the sweep charts and sweep.html. With
 * {@code --shard I/N} it runs one shard's tasks and writes their part ({@code sweep merge} joins the
 * parts); with {@code --emit-job N} it writes a Kubernetes Job that runs N shards (DESIGN §3.2). All
 * logic is in {@link Sweep}, {@link SweepMerge} and {@link SweepJobManifest}; this class only wires
 * the scenario loader and the simulation into them and maps failures to exit codes.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, subcommands = SweepMergeCommand.class,
        description = {"Runs the scenario at every point of a parameter sweep; writes sweep.csv, charts and sweep.html.",
            "Interrupted? Run the same command again: it continues where it stopped (same scenario and arguments only).",
            "Bigger sweeps: --shard I/N on several machines, then 'nodesim sweep merge DIR'; or --emit-job N for a "
                + "Kubernetes Indexed Job."})
final class SweepCommand implements Callable<Integer> {
    static final int EXIT_INTERRUPTED = 130;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml", description = "The scenario file.")
    Path scenarioFile;

    @Option(names = "--vary", paramLabel = "PATH=V1,V2,...",
            description = "A full-grid axis (repeatable); PATH is relative to spec, as for --set.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--lhs", paramLabel = "PATH=LOW..HIGH",
            description = "A Latin hypercube range (repeatable): two durations or two numbers.")
    List<String> lhs = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "N", description = "Latin hypercube points (with --lhs).")
    int samples;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Overrides a setting at every point.")
    List<String> set = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: out/<metadata.name>/).")
    Path output;

    @Option(names = "--replications", paramLabel = "N", description = "Replications per point (default: the scenario's).")
    int replications;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only shard I of N (task t belongs to shard t mod N); writes DIR/parts/part-I-of-N.csv.")
    String shard;

    @ArgGroup(exclusive = false)
    SweepJobOptions job;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = commandSpec.commandLine().getErr();
        if (scenarioFile == null) {
            err.println("nodesim sweep: give SCENARIO.yaml (or: nodesim sweep merge DIR)");
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        ScenarioSources.Loaded loaded;
        SweepIdentity identity;
        Sweep sweep;
        Shard part;
        try {
            loaded = ScenarioSources.load(scenarioFile, scenarioFile.toString(), set);
            SweepSpec spec = SweepSpec.fromOptionsOrFile(vary, lhs, samples, scenarioFile);
            identity = new SweepIdentity(loaded.files().sha256(), new SweepArguments(set, spec, replications));
            part = shard == null ? null : Shard.parse(shard);
            if (part != null && job != null) {
                throw new IllegalArgumentException("--shard runs one shard here; --emit-job writes a Job that runs "
                        + "them all: give one of them");
            }
            ScenarioFactory factory = overrides -> {
                List<String> all = new ArrayList<>(set);
                all.addAll(overrides);
                return ScenarioLoader.load(scenarioFile, all);
            };
            // replication r of every point that places its pods alike replays the first one's placement
            PlacementMemo placements = new PlacementMemo();
            ReplicationRunner runner = (s, r) -> ClusterSimulation.run(s, r, placements);
            sweep = new Sweep(spec, loaded.scenario().seed(), factory, runner, replications, threads,
                    ProgressBar.forConsole());
        } catch (ScenarioException | IllegalArgumentException e) {
            err.println("nodesim sweep: " + e.getMessage());
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        Path dir = output != null ? output : Path.of("out", loaded.scenario().name());
        if (job != null) {
            return job.emit(dir, loaded, identity, commandSpec.commandLine().getOut(), err);
        }
        try {
            return CtrlC.interruptible(() -> part != null ? runShard(sweep, part, dir, loaded, identity)
                    : runWhole(sweep, dir, loaded, identity));
        } catch (InterruptedException e) {
            err.println();
            err.println("nodesim sweep: interrupted; " + (part != null ? "the shard wrote nothing: run it again."
                    : dir.resolve(SweepCsvFile.NAME) + " holds every completed point. Run the same command to continue."));
            return EXIT_INTERRUPTED;
        } catch (ScenarioException | SweepMerge.RefusedException e) {
            // a point's overrides, loaded as the sweep reaches it; any other exception is nodesim's bug (exit 3)
            err.println("nodesim sweep: " + e.getMessage());
            return NodesimCommand.EXIT_BAD_INPUT;
        } catch (ExperimentException e) {
            err.println("nodesim sweep: " + e.getMessage());
            // no cause: the existing sweep.csv is another sweep's (bad input); a cause: a replication failed
            return e.getCause() == null ? NodesimCommand.EXIT_BAD_INPUT : NodesimCommand.EXIT_CHECK_FAILED;
        }
    }

    private int runWhole(Sweep sweep, Path dir, ScenarioSources.Loaded loaded, SweepIdentity identity)
            throws Exception {
        SweepCsvFile csv = SweepCsvFile.in(dir);
        sweep.run(csv, identity);
        // drawn from the file, not from memory: a resumed sweep has no runs for the points done before
        SweepResults results = SweepResults.parse(sweep.parameters(), csv.lines());
        List<Path> written = SweepOutputs.write(dir, new SweepInput(loaded.scenario(), results,
                replications > 0 ? replications : loaded.scenario().replications()));
        commandSpec.commandLine().getOut().println(csv.file() + ": " + sweep.points().size() + " points");
        commandSpec.commandLine().getOut().println("Wrote " + (written.size() + 1) + " files to " + dir + " (open "
                + dir.resolve(SweepReport.FILE_NAME) + ")");
        return NodesimCommand.EXIT_OK;
    }

    private int runShard(Sweep sweep, Shard part, Path dir, ScenarioSources.Loaded loaded, SweepIdentity identity)
            throws Exception {
        Sweep.ShardResult result = sweep.runShard(part);
        Path file = SweepMerge.writeShard(dir, new SweepPart(scenarioFile.toString(), loaded.files().scenario(),
                identity, part, result.totalTasks(), result.samples()), loaded.files());
        commandSpec.commandLine().getOut().println(file + ": " + result.samples().size() + " of " + result.totalTasks() + " tasks");
        commandSpec.commandLine().getOut().println("When every shard of " + part.count() + " is done: nodesim sweep merge " + dir);
        return NodesimCommand.EXIT_OK;
    }
}
