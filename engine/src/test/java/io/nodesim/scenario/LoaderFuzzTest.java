package io.nodesim.scenario;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random mutations of every example scenario either load or throw ScenarioException, never any
 * other exception (fixed seeds, so a failure reproduces).
 */
class LoaderFuzzTest {
    private static final int MUTATIONS = 300;
    private static final String[] VALUES = {"", "-1", "0", "1e400", "abc", "[]", "{}", "null", "~", "true", "\"\"",
        "1.5", "99999999999999999999", "-5s", "1m30s", "uniform(1s)", "constant(", "500m", "8Gi", "'", "\"1.2\"",
        "[a, b", "&x", "*x", "!!binary AAAA", "NodeCrash", "ZoneOutage", "{a: [1, {b: c}]}"};
    private static final String[] GARBAGE = {"bogus: 1", "nodes: []", "spec: {}", "- 3", "kind: Pod", "  x:", "::",
        "? complex", "\t tab: 1", "zone: a", "replicas: -3", "at: 1m", "type: HeartbeatDelay", "file: x.yaml"};

    @TempDir
    Path dir;

    static List<Path> exampleFiles() throws IOException {
        return ExampleScenariosTest.exampleFiles().toList();
    }

    @ParameterizedTest
    @MethodSource("exampleFiles")
    void mutationsLoadOrGiveAScenarioException(Path example) throws IOException {
        String original = Files.readString(example);
        Random rnd = new Random(example.getFileName().toString().hashCode());
        for (int i = 0; i < MUTATIONS; i++) {
            String mutated = mutate(original, rnd, 1 + rnd.nextInt(3));
            Path f = dir.resolve("m.yaml");
            Files.writeString(f, mutated);
            try {
                ScenarioLoader.load(f);
            } catch (ScenarioException expected) {
                // the contract: bad input gives a positioned message
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutation " + i + " of " + example + " threw " + e + "\n---\n" + mutated, e);
            }
        }
    }

    static String mutate(String text, Random rnd, int times) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        for (int t = 0; t < times; t++) {
            int li = rnd.nextInt(lines.size());
            String line = lines.get(li);
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    if (!line.isEmpty()) {
                        int c = rnd.nextInt(line.length());
                        lines.set(li, line.substring(0, c) + line.substring(c + 1));
                    }
                }
                case 1 -> {
                    int lj = rnd.nextInt(lines.size());
                    lines.set(li, lines.get(lj));
                    lines.set(lj, line);
                }
                case 2 -> {
                    int colon = line.indexOf(": ");
                    String v = VALUES[rnd.nextInt(VALUES.length)];
                    lines.set(li, colon < 0 ? line + " " + v : line.substring(0, colon + 2) + v);
                }
                default -> {
                    String indent = line.substring(0, line.length() - line.stripLeading().length());
                    lines.add(li, indent + GARBAGE[rnd.nextInt(GARBAGE.length)]);
                }
            }
        }
        return String.join("\n", lines);
    }
}
