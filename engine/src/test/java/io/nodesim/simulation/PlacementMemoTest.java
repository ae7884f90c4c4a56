package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.assertSameRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scheduler.PlacementMemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sweep point that replays another point's t = 0 placement runs exactly as if it had scheduled
 * its pods itself: every record, event and metric is the same, and so is everything after t = 0
 * (the live scheduler resumes its round-robin and its tie stream where the placement left them).
 */
class PlacementMemoTest {
    private static final Path DIR = Path.of("..", "scenarios");

    /** Every example scenario (and imported cluster) small enough to run a few times here. */
    static Stream<Path> scenarioFiles() throws IOException {
        try (Stream<Path> s = Files.walk(DIR, 2)) {
            return s.filter(p -> p.getParent().equals(DIR) ? p.toString().endsWith(".yaml")
                    : p.getFileName().toString().equals("scenario.yaml"))
                    .filter(p -> !p.toString().contains("large-zone")).sorted().toList().stream();
        }
    }

    private static RunResult run(Scenario s, int replication, PlacementMemo memo) {
        return new ClusterSimulation(s, replication, true, memo).run();
    }

    /** Each replication run alone, then with the memo (placed and remembered), then replayed: all three alike. */
    private static void assertReplaysExactly(Scenario s, int replications) {
        PlacementMemo memo = new PlacementMemo();
        for (int r = 0; r < replications; r++) {
            RunResult alone = run(s, r, null);
            assertSameRun(alone, run(s, r, memo));
            assertSameRun(alone, run(s, r, memo));
        }
        assertEquals(replications, memo.replayed());
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void aReplayedPlacementRunsAsTheScheduledOne(Path file) {
        assertReplaysExactly(ScenarioLoader.load(file), 2);
    }

    @Test
    void aPointWithOtherTimeoutsReplaysTheFirstPointsPlacement() {
        Path file = DIR.resolve("zone-outage.yaml");
        PlacementMemo memo = new PlacementMemo();
        Scenario first = ScenarioLoader.load(file, List.of("kubeControllerManager.node-monitor-grace-period=20s"));
        Scenario second = ScenarioLoader.load(file, List.of("kubeControllerManager.node-monitor-grace-period=58s",
                "kubeControllerManager.node-eviction-rate=0.5"));
        for (int r = 0; r < 3; r++) {
            run(first, r, memo);
            assertSameRun(run(second, r, null), run(second, r, memo));
        }
        assertEquals(3, memo.replayed());
    }

    @Test
    void theLiveSchedulerResumesItsRoundRobinWhereTheReplayedPlacementLeftIt() {
        // 150 nodes: each cycle filters K = 100 of them, so 101 pods leave the round-robin at node 50
        // (not back at 0, as in the example files), and the replacements' windows depend on it
        Scenario s = io.nodesim.testing.ScenarioFixture.scenario().pool("node", 150, "a", "b", "c")
                .deployment("web", 101).crash(io.nodesim.kernel.SimTime.MINUTE, "node-7", "node-8", "node-9")
                .duration(12 * io.nodesim.kernel.SimTime.MINUTE).build();
        assertReplaysExactly(s, 2);
    }

    @Test
    void anotherSchedulerSettingOrSeedIsPlacedAfresh() {
        Path file = DIR.resolve("zone-outage.yaml");
        PlacementMemo memo = new PlacementMemo();
        run(ScenarioLoader.load(file), 0, memo);
        Scenario otherScoring = ScenarioLoader.load(file, List.of("kubeScheduler.percentageOfNodesToScore=10"));
        assertSameRun(run(otherScoring, 0, null), run(otherScoring, 0, memo));
        Scenario otherSeed = ScenarioLoader.load(file, List.of("seed=8"));
        assertSameRun(run(otherSeed, 0, null), run(otherSeed, 0, memo));
        assertEquals(0, memo.replayed());
    }
}
