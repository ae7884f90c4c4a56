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
    private static final long SECOND_WINDOW = SimTime.seconds(260);

    /**
     * An idealised clock (no jitter, watch, pass or write delays): node-0's heartbeat writes take
     * 15 s from 100 s to 160 s and from 260 s to 320 s, longer than the kubelet's 10 s request
     * timeout, so every attempt is cancelled; the node turns Unknown in each window and its kubelet
     * answers after each.
     */
    private static RunResult flapping() {
        var s = scenario().version("1.31").leaseJitter(false).watch(DurationDistribution.constant(0))
                .monitorPass(DurationDistribution.constant(0)).writes(DurationDistribution.constant(0))
                .pool("node", 3, "a").deployment("web", 3)
                .fault("HeartbeatDelay", AT, SimTime.seconds(60), nodes("node-0"),
                        DurationDistribution.constant(SimTime.seconds(15)))
                .fault("HeartbeatDelay", SECOND_WINDOW, SimTime.seconds(60), nodes("node-0"),
                        DurationDistribution.constant(SimTime.seconds(15)))
                .duration(SimTime.MINUTE * 10).build();
        return ClusterSimulation.run(s, 0, true);
    }

    @Test
    void heartbeatDelay_flapsTwice_twoRowsWithTheTimesOfEachEpisode() {
        RunResult r = flapping();
        // Ready again at the first status attempt sent after each window: the kubelet's answer to
        // the Unknown (sent 149.89 s) failed at 149.89 and 159.89 (each cancelled after 10 s).
        assertEquals(List.of(
                new NodeRecord("node-0", "a", AT, 140_419_856, 140_419_856, 145_447_798, 169_889_793, 1),
                new NodeRecord("node-0", "a", SECOND_WINDOW, 300_419_856, 300_419_856, 305_447_798, 328_912_691, 2)),
                r.nodes());
        assertEquals(List.of(140_419_856L, 300_419_856L), times(r, "NodeReadyUnknown"));
        assertEquals(List.of(169_889_793L, 328_912_691L), times(r, "NodeReadyTrue"));
    }

    @Test
    void heartbeatDelay_flapsTwice_summaryCountsBothEpisodesAndTheirLengths() {
        RunResult r = flapping();
        assertArrayEquals(new double[] {2}, r.metrics().get("not_ready_episodes"));
        assertArrayEquals(new double[] {29.469937, 28.492835}, r.metrics().get("time_not_ready"), 1e-9);
    }

    private static List<Long> times(RunResult r, String kind) {
        return events(r, kind).stream().filter(e -> e.object().equals("node-0")).map(EventRecord::time).toList();
    }
}
