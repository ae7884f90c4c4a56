package io.nodesim.spark;

import io.nodesim.experiment.ProgressListener;
import io.nodesim.experiment.Sweep;
import io.nodesim.experiment.SweepArguments;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.experiment.SweepSpec;
import io.nodesim.experiment.TaskSamples;
import io.nodesim.reports.sweep.SweepMerge;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scenario.ScenarioSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nodesim sweep} as an Apache Spark job (DESIGN §3.2): every task (point, replication) is
 * one element of an RDD, run on the executors by {@link RunTasks}; the samples are gathered to the
 * driver, which writes sweep.csv, the charts and sweep.html with the merge's code
 * ({@link SweepMerge#writeOutputs}), so the files are the bytes the one-machine sweep writes.
 *
 * <pre>
 * spark-submit --class io.nodesim.spark.SparkSweep spark/target/nodesim-spark.jar SCENARIO.yaml --vary ... -o DIR
 * ./nodesim-spark SCENARIO.yaml --vary ... [--master URL] -o DIR      # Spark from the build, local[*]
 * </pre>
 */
@Command(name = "nodesim-spark", mixinStandardHelpOptions = true,
        description = "Runs a nodesim sweep on Apache Spark; writes the same sweep.csv, charts and sweep.html.")
public final class SparkSweep implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file (on the driver).")
    Path scenarioFile;

    @Option(names = "--vary", paramLabel = "PATH=V1,V2,...", description = "A full-grid axis (repeatable).")
    List<String> vary = new ArrayList<>();

    @Option(names = "--lhs", paramLabel = "PATH=LOW..HIGH", description = "A Latin hypercube range (repeatable).")
    List<String> lhs = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "N", description = "Latin hypercube points (with --lhs).")
    int samples;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Overrides a setting at every point.")
    List<String> set = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", description = "Replications per point (default: the scenario's).")
    int replications;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: out/<metadata.name>/).")
    Path output;

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master (default: spark-submit's, else local[*]).")
    String master;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkSweep()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SparkConf conf = new SparkConf().setAppName("nodesim sweep " + scenarioFile.getFileName());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        try {
            SweepArguments arguments = new SweepArguments(set, SweepSpec.fromOptionsOrFile(vary, lhs, samples,
                    scenarioFile), replications);
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                List<Path> written = run(sc, scenarioFile, arguments, output);
                System.out.println("Wrote " + written.size() + " files to " + written.get(0).getParent());
            }
            return 0;
        } catch (ScenarioException | IllegalArgumentException | SweepMerge.RefusedException e) {
            System.err.println("nodesim-spark: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Runs the sweep on {@code sc} and writes its outputs.
     *
     * @param output the output folder; null: out/&lt;metadata.name&gt;/
     * @return the files written
     */
    public static List<Path> run(JavaSparkContext sc, Path scenarioFile, SweepArguments arguments, Path output)
            throws Exception {
        ScenarioSources.Loaded loaded = ScenarioSources.load(scenarioFile, scenarioFile.toString(), arguments.sets());
        SweepIdentity identity = new SweepIdentity(loaded.files().sha256(), arguments);
        // the driver builds every point's scenario first, as nodesim sweep does: a bad value fails before Spark runs
        List<TaskRef> tasks = new Sweep(arguments.spec(), loaded.scenario().seed(), overrides -> {
            List<String> all = new ArrayList<>(arguments.sets());
            all.addAll(overrides);
            return ScenarioLoader.load(scenarioFile, all);
        }, (s, r) -> {
            throw new IllegalStateException("the driver runs no task");
        }, arguments.replications(), 1, ProgressListener.NONE).tasks().stream().map(TaskRef::of).toList();
        Broadcast<ScenarioPayload> payload = sc.broadcast(ScenarioPayload.of(loaded.files(), scenarioFile.toString(),
                arguments.sets()));
        List<TaskSamples> samples = new ArrayList<>(tasks.size());
        for (TaskResult r : sc.parallelize(tasks, Math.max(1, tasks.size())).mapPartitions(new RunTasks(payload))
                .collect()) {
            samples.add(r.toSamples());
        }
        samples.sort(Comparator.comparingInt(TaskSamples::task));
        Path dir = output != null ? output : Path.of("out", loaded.scenario().name());
        return SweepMerge.writeOutputs(dir, loaded.scenario(), identity, samples);
    }
}
