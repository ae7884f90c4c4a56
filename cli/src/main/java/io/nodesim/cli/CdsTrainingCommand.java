package io.nodesim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * What {@code ./nodesim} runs once after a build, under {@code -XX:DumpLoadedClassList}: a small
 * scenario through {@code run} and {@code sweep}, so that the class-data archive holds the classes
 * those commands load whichever command the user starts first (a {@code validate} first would
 * otherwise leave every later run and sweep loading most classes the slow way). Writes nothing that
 * outlives it.
 */
@Command(name = "cds-training", hidden = true,
        description = "Runs a small built-in scenario through run and sweep (for ./nodesim's class-data archive).")
final class CdsTrainingCommand implements Callable<Integer> {
    static final String SCENARIO = "cds-training.yaml";

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("nodesim-cds-training-");
        try {
            Path scenario = dir.resolve(SCENARIO);
            try (InputStream in = CdsTrainingCommand.class.getResourceAsStream(SCENARIO)) {
                if (in == null) {
                    throw new IOException(SCENARIO + " is missing from the jar");
                }
                Files.copy(in, scenario);
            }
            int run = quiet().execute("run", scenario.toString(), "-o", dir.resolve("run").toString());
            int sweep = quiet().execute("sweep", scenario.toString(), "--vary",
                    "kubeControllerManager.node-monitor-grace-period=20s,40s", "--replications", "2", "-o",
                    dir.resolve("sweep").toString());
            return run == NodesimCommand.EXIT_OK && sweep == NodesimCommand.EXIT_OK ? NodesimCommand.EXIT_OK
                    : NodesimCommand.EXIT_INTERNAL_ERROR;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static CommandLine quiet() {
        CommandLine cl = NodesimCommand.commandLine();
        cl.setOut(new PrintWriter(Writer.nullWriter()));
        cl.setErr(new PrintWriter(Writer.nullWriter()));
        return cl;
    }
}
