package io.nodesim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.experiment.ProgressListener;
import io.nodesim.experiment.Sweep;
import io.nodesim.experiment.SweepArguments;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.experiment.SweepSpec;
import io.nodesim.reports.SweepOutputs;
import io.nodesim.reports.charts.sweep.SweepInput;
import io.nodesim.reports.charts.sweep.SweepResults;
import io.nodesim.reports.sweep.SweepCsvFile;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scenario.ScenarioSources;
import io.nodesim.simulation.ClusterSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep on Spark in local[2] writes the bytes of the one-machine sweep. */
class SparkSweepTest {
    private static final String SCENARIO = """
            apiVersion: nodesim.io/v1alpha1
            kind: Scenario
            metadata: {name: on-spark}
            spec:
              seed: 4
              replications: 2
              duration: 10m
              nodes:
                - {pool: node, count: 8, zones: [a, b]}
              workloads:
                - file: web.yaml
              faults:
                - {at: 1m, type: HeartbeatDelay, percent: 25, delay: "weibull(0.5, 3s)", duration: 6m}
                - {at: 3m, type: NodeCrash, nodes: [node-0]}
            """;
    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 12
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: "nginx:1.25"}]
            """;
    private static final SweepArguments ARGUMENTS = new SweepArguments(List.of("kubelet.nodeStatusUpdateFrequency=5s"),
            SweepSpec.parse(List.of("kubeControllerManager.node-monitor-grace-period=20s,40s",
                    "kubeApiServer.default-unreachable-toleration-seconds=10,300"), List.of(), 0), 0);

    @TempDir
    Path tmp;

    /** What {@code nodesim sweep} writes, through the same engine and reports calls as the command. */
    private static void sweepOnOneMachine(Path scenario, Path dir) throws Exception {
        ScenarioSources.Loaded loaded = ScenarioSources.load(scenario, scenario.toString(), ARGUMENTS.sets());
        Sweep sweep = new Sweep(ARGUMENTS.spec(), loaded.scenario().seed(), overrides -> {
            List<String> all = new ArrayList<>(ARGUMENTS.sets());
            all.addAll(overrides);
            return ScenarioLoader.load(scenario, all);
        }, (s, r) -> ClusterSimulation.run(s, r, false), 0, 2, ProgressListener.NONE);
        SweepCsvFile csv = SweepCsvFile.in(dir);
        sweep.run(csv, new SweepIdentity(loaded.files().sha256(), ARGUMENTS));
        SweepOutputs.write(dir, new SweepInput(loaded.scenario(), SweepResults.parse(sweep.parameters(), csv.lines()),
                loaded.scenario().replications()));
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void sweepOnSparkLocal2_writesTheBytesOfTheOneMachineSweep() throws Exception {
        Path scenario = tmp.resolve("in/on-spark.yaml");
        Files.createDirectories(scenario.getParent());
        Files.writeString(scenario, SCENARIO);
        Files.writeString(scenario.resolveSibling("web.yaml"), WEB);
        Path plain = tmp.resolve("plain");
        sweepOnOneMachine(scenario, plain);

        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("SparkSweepTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                // a failed task is retried, as on a cluster: harmless, tasks are deterministic
                .set("spark.task.maxFailures", "2");
        Path onSpark = tmp.resolve("spark");
        long start = System.nanoTime();
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            SparkSweep.run(sc, scenario, ARGUMENTS, onSpark);
        }
        System.out.printf("SparkSweepTest: 8 tasks on local[2] in %.1f s, context included%n",
                (System.nanoTime() - start) / 1e9);
        List<String> expected = files(plain);
        assertTrue(expected.containsAll(List.of("sweep.csv", "sweep-identity.csv", "sweep.html")), expected.toString());
        assertEquals(expected, files(onSpark));
        // the table first: a difference there is the simulation's, one only in a figure is the drawing's
        assertEquals(Files.readString(plain.resolve("sweep.csv")), Files.readString(onSpark.resolve("sweep.csv")));
        for (String f : expected) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(f)), Files.readAllBytes(onSpark.resolve(f)), f);
        }
    }
}
