package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nodes.csv has a row per NotReady episode: a flapping healthy node is seen every time. */
class NodeEpisodesTest {
    private static final long AT = SimTime.seconds(100);

    /**
     * An idealised clock (no jitter, watch, pass or write delays): node-0's heartbeats take 70 s
     * from 100 s to 340 s, longer than the 40 s grace, so it turns Unknown twice and its kubelet
     * answers each time.
     */
    private static RunResult flapping() {
        var s = scenario().version("1.31").leaseJitter(false).watch(DurationDistribution.constant(0))
                .monitorPass(DurationDistribution.constant(0)).writes(DurationDistribution.constant(0))
                .pool("node", 3, "a").deployment("web", 3)
                .fault("HeartbeatDelay", AT, SimTime.seconds(240), nodes("node-0"),
                        DurationDistribution.constant(SimTime.seconds(70)))
                .duration(SimTime.MINUTE * 10).build();
        return ClusterSimulation.run(s, 0, true);
    }

    @Test
    void heartbeatDelay_flapsTwice_twoRowsWithTheTimesOfEachEpisode() {
        RunResult r = flapping();
        assertEquals(List.of(
                new NodeRecord("node-0", "a", AT, 140_419_856, 140_419_856, 145_447_798, 219_889_793, 1),
                // the same delay window is still in effect: it caused the second episode too
                new NodeRecord("node-0", "a", AT, 300_419_856, 300_419_856, 305_447_798, 378_912_691, 2)),
                r.nodes());
        assertEquals(List.of(140_419_856L, 300_419_856L), times(r, "NodeReadyUnknown"));
        assertEquals(List.of(219_889_793L, 378_912_691L), times(r, "NodeReadyTrue"));
    }

    @Test
    void heartbeatDelay_flapsTwice_summaryCountsBothEpisodesAndTheirLengths() {
        RunResult r = flapping();
        assertArrayEquals(new double[] {2}, r.metrics().get("not_ready_episodes"));
        assertArrayEquals(new double[] {79.469937, 78.492835}, r.metrics().get("time_not_ready"), 1e-9);
    }

    private static List<Long> times(RunResult r, String kind) {
        return events(r, kind).stream().filter(e -> e.object().equals("node-0")).map(EventRecord::time).toList();
    }
}
