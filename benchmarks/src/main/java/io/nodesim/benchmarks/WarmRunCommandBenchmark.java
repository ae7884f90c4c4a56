package io.nodesim.benchmarks;

import io.nodesim.experiment.Summaries;
import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.RunResult;
import io.nodesim.reports.RunOutputs;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.simulation.ClusterSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Issue 16 §1's floor: what {@code nodesim run} does after picocli has parsed its arguments (load
 * the scenario, one replication, summarise, write every CSV, chart and the report), in a JVM that
 * has already done it several times, so its code is compiled. A process pays this plus the JVM's
 * and picocli's start ({@code nodesim --version}) plus the warm-up of that code; if this alone is
 * near the process target, no start-up work can reach it. Single shot; the same heap and collector
 * as {@code ./nodesim}, with the JIT left tiered (C2 compiles the warm code, the fastest case).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 6)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Xms1g", "-XX:+UseParallelGC", "-XX:MetaspaceSize=64m"})
public class WarmRunCommandBenchmark {
    @Param({"large-zone-outage.yaml"})
    public String scenario;

    private Path file;
    private Path out;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Path.of(System.getProperty("nodesim.scenarios", "scenarios"), scenario);
        out = Files.createTempDirectory("nodesim-warm-run");
    }

    /** {@code RunCommand.call} without picocli and the console: one replication on this thread. */
    @Benchmark
    public List<Path> loadRunAndWrite() throws IOException {
        Scenario s = ScenarioLoader.load(file, List.of());
        List<RunResult> runs = List.of(ClusterSimulation.run(s, 0, false));
        List<MetricSummary> summaries = Summaries.summarize(runs);
        return RunOutputs.write(out.resolve("run"), s, runs, summaries, false);
    }

    @TearDown(Level.Trial)
    public void removeOutputs() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
