package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad kubeScheduler section is found when the scenario loads, by every command alike: exit 2,
 * one line naming FILE:LINE:COLUMN, the field path and what is allowed, and nothing written.
 */
class SchedulerConfigCommandTest {
    private static final Path EXAMPLE = Path.of("..", "scenarios", "single-node-crash.yaml");

    @TempDir
    Path dir;

    /** The example with {@code kubeScheduler} inserted after line 20 ({@code duration}); the bad value is on line 26. */
    private Path scenario(String point, String entry) throws Exception {
        String section = """
                  kubeScheduler:
                    profiles:
                      - plugins:
                          %s:
                            enabled:
                              - %s
                """.formatted(point, entry);
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, Files.readString(EXAMPLE).replace("  duration: 15m\n", "  duration: 15m\n" + section));
        return f;
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "validate | score     | name: NodeResourceFit        | 26:23 | profiles[0].plugins.score.enabled[0].name: unknown plugin \"NodeResourceFit\"; did you mean \"NodeResourcesFit\"?",
        "run      | score     | name: NodeResourceFit        | 26:23 | profiles[0].plugins.score.enabled[0].name: unknown plugin \"NodeResourceFit\"; did you mean \"NodeResourcesFit\"?",
        "schedule | multiPoint| name: ImageLocalty           | 26:23 | profiles[0].plugins.multiPoint.enabled[0].name: unknown plugin \"ImageLocalty\"; did you mean \"ImageLocality\"?",
        "explain  | queueSort | name: ImageLocality          | 26:23 | profiles[0].plugins.queueSort.enabled[0].name: ImageLocality is not a queueSort plugin",
        "validate | score     | {name: ImageLocality, weight: 500} | 26:47 | profiles[0].plugins.score.enabled[0].weight: expected an integer in [0, 100], got 500",
        "run      | score     | {name: ImageLocality, weigth: 5}   | 26:39 | profiles[0].plugins.score.enabled[0].weigth: unknown field \"weigth\"; did you mean \"weight\"?",
        "run      | filtr     | name: NodeName               | 24:11 | profiles[0].plugins.filtr: unknown field \"filtr\"; did you mean \"filter\"?",
    })
    void badSchedulerConfig_exits2AtItsPosition_beforeAnythingRuns(String command, String point, String entry,
            String position, String message) throws Exception {
        Path f = scenario(point, entry);
        Path out = dir.resolve("out");
        Cli.Result r = "validate".equals(command) || "explain".equals(command) ? Cli.run(command, f.toString())
                : Cli.run(command, f.toString(), "-o", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        String prefix = "run".equals(command) ? "nodesim run: " : "nodesim: ";
        assertTrue(r.err().startsWith(prefix + f + ":" + position + ": kubeScheduler." + message), r.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    /** A pod template the scheduler model cannot compile is found at load time too, at its workload's line. */
    @ParameterizedTest
    @CsvSource({"validate", "run", "schedule"})
    void podTemplateTheSchedulerRejects_exits2AtTheWorkload(String command) throws Exception {
        Path f = dir.resolve("bad-spread.yaml");
        Files.writeString(f, Files.readString(EXAMPLE).replace("          spec:\n            containers:\n",
                "          spec:\n            topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, "
                        + "whenUnsatisfiable: Sometimes}]\n            containers:\n"));
        Path out = dir.resolve("out");
        Cli.Result r = "validate".equals(command) ? Cli.run(command, f.toString())
                : Cli.run(command, f.toString(), "-o", out.toString());
        assertEquals(2, r.code(), r.err());
        String prefix = "run".equals(command) ? "nodesim run: " : "nodesim: ";
        assertTrue(r.err().startsWith(prefix + f + ":27:7: workloads[0]: whenUnsatisfiable must be DoNotSchedule or "
                + "ScheduleAnyway, got"), r.err());
        assertFalse(Files.exists(out), "nothing is written");
    }
}
