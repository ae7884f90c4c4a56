package io.nodesim.benchmarks;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.simulation.ClusterSimulation;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DESIGN §6: 5,000 nodes / 150,000 pods losing a zone, one replication (target ≤ 3 s wall):
 * {@code scenarios/large-zone-outage.yaml} (run from the repository root, or set
 * {@code -Dnodesim.scenarios=DIR}). The whole run counts: initial placement of the 150,000 pods by
 * the scheduler, six simulated hours of node lifecycle, and the ~50,000 replacements scheduled and
 * started. Single shot per measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
public class LargeZoneOutageBenchmark {
    private Scenario scenario;
    private RunResult last;

    @Setup(Level.Trial)
    public void setUp() {
        scenario = ScenarioLoader.load(Path.of(System.getProperty("nodesim.scenarios", "scenarios"),
                "large-zone-outage.yaml"));
    }

    @Benchmark
    public RunResult oneReplication() {
        last = ClusterSimulation.run(scenario, 0, false);
        return last;
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n  events fired: %,d; replacements Ready: %,d%n", last.eventsFired(),
                last.pods().stream().filter(p -> p.replacementReadyAt() != SimTime.NEVER).count());
    }
}
