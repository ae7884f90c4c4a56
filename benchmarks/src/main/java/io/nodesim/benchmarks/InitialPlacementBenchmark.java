package io.nodesim.benchmarks;

import io.nodesim.kernel.RandomStreams;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scheduler.InitialPlacement;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The t = 0 placement of {@code scenarios/large-zone-outage.yaml} alone (issue 16): 150,000 pods on
 * 5,000 nodes by the kube-scheduler model, 145,000 of them Deployment pods with the default
 * PodTopologySpread constraints (K = 500 nodes filtered and scored per pod), the rest DaemonSet pods
 * pinned to their nodes. Single shot; the node table is built afresh each time, as a run builds it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class InitialPlacementBenchmark {
    private Scenario scenario;

    @Setup(Level.Trial)
    public void setUp() {
        scenario = load();
    }

    private static Scenario load() {
        return ScenarioLoader.load(Path.of(System.getProperty("nodesim.scenarios", "scenarios"),
                "large-zone-outage.yaml"), List.of());
    }

    @Benchmark
    public InitialPlacement placeAll() {
        return InitialPlacement.place(scenario, new RandomStreams(scenario.seed(), 0).stream("scheduler.ties"), false);
    }

    /**
     * Rounds outside JMH, printing wall and this thread's CPU time and a checksum of the placements
     * (equal between builds means the same nodes were chosen); the first round is the cold one a
     * {@code nodesim run} pays. Argument: rounds (default 6).
     */
    public static void main(String[] args) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        InitialPlacementBenchmark b = new InitialPlacementBenchmark();
        b.scenario = load();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        for (int round = 0; round < rounds; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            InitialPlacement p = b.placeAll();
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            long checksum = 0;
            for (InitialPlacement.Pod pod : p.pods()) {
                checksum = checksum * 31 + pod.node();
            }
            System.out.printf("round %d: %.3f s wall, %.3f s cpu (checksum %d)%n", round, wall, cpu, checksum);
        }
    }
}
