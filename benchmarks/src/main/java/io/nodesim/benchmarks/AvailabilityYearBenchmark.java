package io.nodesim.benchmarks;

import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.simulation.ClusterSimulation;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 17's long run: {@code benchmarks/scenarios/availability-year.yaml} (1,000 nodes, random
 * crashes once a week each, 30-minute repairs), one replication of {@code days} simulated days.
 * Single shot; run from a checkout's root. The teardown prints the kernel events fired and the
 * node turns the monitor passes took (asleep nodes passed over take none).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class AvailabilityYearBenchmark {
    @Param({"365"})
    public int days;

    private Scenario scenario;
    private ClusterSimulation last;
    private RunResult result;

    @Setup(Level.Trial)
    public void load() {
        scenario = ScenarioLoader.load(Path.of("benchmarks/scenarios/availability-year.yaml"),
                List.of("duration=" + days + "d"));
    }

    @Benchmark
    public RunResult oneReplication() {
        last = new ClusterSimulation(scenario, 0, false);
        result = last.run();
        return result;
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n%,d kernel events, %,d node turns in the monitor passes%n", result.eventsFired(),
                last.nodeLifecycle().turnsTaken());
    }
}
