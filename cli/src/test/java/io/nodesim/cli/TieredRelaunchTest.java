package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TieredRelaunchTest {
    private static final Path YEAR = Path.of("..", "benchmarks", "scenarios", "availability-year.yaml");
    private static final Path LARGE_ZONE_OUTAGE = Path.of("..", "scenarios", "large-zone-outage.yaml");
    private static final Map<String, String> LAUNCHER = Map.of(TieredRelaunch.ENV, "java\n-jar\nnodesim.jar");

    @Test
    void onlyOneLongReplicationStartsAgainTiered_andOnlyFromTheLauncher() {
        Scenario year = ScenarioLoader.load(YEAR, List.of());
        assertEquals(1_000L * 365 * 24, TieredRelaunch.nodeHours(year));
        assertNotNull(TieredRelaunch.forRun(year, false, LAUNCHER));
        assertNull(TieredRelaunch.forRun(year, false, Map.of()), "a plain java -jar (or NODESIM_JAVA_OPTS) stays");
        assertNull(TieredRelaunch.forRun(ScenarioLoader.load(YEAR, List.of("replications=2")), false, LAUNCHER),
                "replications on every core keep C1, as sweeps do");
        assertNull(TieredRelaunch.forRun(year, true, LAUNCHER), "so does a run to a precision, which adds replications");
        Scenario large = ScenarioLoader.load(LARGE_ZONE_OUTAGE, List.of());
        assertEquals(5_000L * 6, TieredRelaunch.nodeHours(large));
        assertNull(TieredRelaunch.forRun(large, false, LAUNCHER));
    }

    @Test
    void theRelaunchedCommandGetsTheSameArguments_andItsExitCodeIsTheRuns(@TempDir Path dir) throws Exception {
        Path seen = dir.resolve("seen.txt");
        // a stand-in JVM that writes what it was given, and whether it would relaunch again
        String jvm = String.join("\n", "sh", "-c",
                "printf '%s\\n' \"$@\" \"${" + TieredRelaunch.ENV + ":-unset}\" \"${" + TieredRelaunch.PARENT_ENV
                        + "}\" > '" + seen + "'; exit 7", "jvm");
        TieredRelaunch relaunch = TieredRelaunch.forRun(ScenarioLoader.load(YEAR, List.of()), false,
                Map.of(TieredRelaunch.ENV, jvm));
        List<String> args = List.of("run", "year.yaml", "-o", "out dir");
        assertEquals(7, relaunch.run(args));
        assertEquals(List.of("run", "year.yaml", "-o", "out dir", "unset", Long.toString(ProcessHandle.current().pid())),
                Files.readAllLines(seen));
    }

    @Test
    void aSubcommandSeesTheWholeCommandLine() {
        CommandLine cl = NodesimCommand.commandLine();
        cl.parseArgs("run", "x.yaml", "--seed", "3");
        assertEquals(List.of("run", "x.yaml", "--seed", "3"),
                cl.getSubcommands().get("run").getParseResult().originalArgs());
    }
}
