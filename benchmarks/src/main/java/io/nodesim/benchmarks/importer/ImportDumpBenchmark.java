package io.nodesim.benchmarks.importer;

import io.nodesim.importer.Importer;
import io.nodesim.importer.anonymize.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
 * DESIGN §6: {@code nodesim import} of a 5,000-node / 150,000-pod {@code kubectl -o json} dump with
 * managedFields, in at most 30 s with {@code -Xmx2g}. The whole import counts: streaming the dump,
 * rebuilding the workloads, writing the four files and loading the scenario back to validate it.
 * The dump ({@link KubectlDumpGenerator}) is written once per trial. Single shot per measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class ImportDumpBenchmark {
    @Param("5000")
    int nodes;
    @Param("150000")
    int pods;

    private Path dir;
    private Path dump;
    private int run;

    @Setup(Level.Trial)
    public void writeDump() throws IOException {
        dir = Files.createTempDirectory("nodesim-import-bench");
        dump = dir.resolve("cluster.json");
        KubectlDumpGenerator.write(dump, nodes, pods);
        System.out.printf("%n  dump: %,d bytes%n", Files.size(dump));
    }

    @Benchmark
    public Importer.Result importDump() {
        return Importer.run(new Importer.Options(List.of(dump), Set.of(), Set.of(), dir.resolve("out-" + run++)),
                Names.identity());
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
