package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario users start from, run at a fixed seed, against outputs pinned under
 * {@code src/test/resources/golden/NAME/}: a refactoring that changes one figure fails here.
 * After a deliberate change of the model, regenerate with {@code -Dgolden.update=true} and explain the
 * difference in the commit.
 */
class GoldenScenariosTest {
    private static final Path SCENARIOS = Path.of("..", "scenarios");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final List<String> PINNED = List.of("summary.csv", "nodes.csv", "workloads.csv");
    private static final String SEED = "20261201";

    @TempDir
    Path dir;

    /** Every {@code scenarios/*.yaml}, and every {@code scenarios/DIR/scenario.yaml} (an imported cluster). */
    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            List<String> names = files.map(p -> Files.isDirectory(p)
                            ? p.getFileName() + "/scenario.yaml" : p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && Files.isRegularFile(SCENARIOS.resolve(n))).sorted().toList();
            assertFalse(names.isEmpty(), "no scenarios in " + SCENARIOS.toAbsolutePath());
            return names.stream();
        }
    }

    /** {@code zone-outage.yaml} pins under {@code golden/zone-outage/}, {@code imported-example/scenario.yaml} under {@code golden/imported-example/}. */
    private static String goldenName(String file) {
        return file.endsWith("/scenario.yaml") ? file.substring(0, file.indexOf('/'))
                : file.substring(0, file.length() - ".yaml".length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioOutputs_matchTheGoldenFiles(String file) throws IOException {
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", SCENARIOS.resolve(file).toString(), "-o", out.toString(), "--seed", SEED,
                "--threads", "2");
        assertEquals(0, r.code(), r.err());
        Path golden = GOLDEN.resolve(goldenName(file));
        boolean update = Boolean.getBoolean("golden.update");
        if (update) {
            Files.createDirectories(golden);
        }
        for (String name : PINNED) {
            String actual = Files.readString(out.resolve(name));
            if (update) {
                Files.writeString(golden.resolve(name), actual);
            } else {
                assertEquals(Files.readString(golden.resolve(name)), actual, file + ": " + name);
            }
        }
    }
}
