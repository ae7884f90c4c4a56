package io.nodesim.cluster;

import static io.nodesim.kernel.SimTime.NEVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.nodesim.testing.ScenarioFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the Node objects split a node's history into the NotReady episodes of nodes.csv. */
class NodeEpisodeTrackingTest {
    private static ClusterState cluster() {
        return new ClusterState(Topology.of(ScenarioFixture.scenario().pool("n", 1, "a").build().nodes()),
                new PodTable(1, 1), List.of(), new EventRecorder(false));
    }

    private static void flap(ClusterState c, long unknown, long ready) {
        c.setNodeReady(0, Condition.UNKNOWN, unknown);
        c.setNodeTaints(0, ControllerTaints.UNREACHABLE_NO_SCHEDULE, unknown);
        c.setNodeReady(0, Condition.TRUE, ready);
        c.setNodeTaints(0, 0, ready);
    }

    @Test
    void aFaultStillInEffectCausesTheNextEpisode_untilAnotherFaultOrItsEnd() {
        ClusterState c = cluster();
        NodeObjects nodes = c.nodes();
        nodes.markFailed(0, 10, true);
        flap(c, 50, 70);
        nodes.faultOutlivesEpisode(0);
        flap(c, 90, 95);
        // the fault ended before the next flap (a control-plane stall): no cause
        flap(c, 200, 210);
        nodes.markFailed(0, 300, true);
        flap(c, 340, 350);
        assertEquals(List.of(new NodeEpisode(10, 50, 50, NEVER, 70), new NodeEpisode(10, 90, 90, NEVER, 95),
                new NodeEpisode(NEVER, 200, 200, NEVER, 210), new NodeEpisode(300, 340, 340, NEVER, 350)),
                nodes.closedEpisodes(0));
        assertNull(nodes.openEpisode(0), "nothing happened since the last Ready");
        assertEquals(10, nodes.failedAt(0), "the run's first fault stays for pods.csv");
    }

    @Test
    void anEpisodeInProgressAtTheEnd_hasNoReadyAgain_andAFaultWithoutNotReadyIsARowOfItsOwn() {
        ClusterState c = cluster();
        flap(c, 50, 70);
        c.nodes().markFailed(0, 100, true);
        assertEquals(new NodeEpisode(100, NEVER, NEVER, NEVER, NEVER), c.nodes().openEpisode(0));
        c.setNodeReady(0, Condition.UNKNOWN, 140);
        assertEquals(new NodeEpisode(100, 140, NEVER, NEVER, NEVER), c.nodes().openEpisode(0));
        assertEquals(1, c.nodes().closedEpisodes(0).size());
    }

    @Test
    void aFaultThatHealedBeforeTheNodeLeftReady_isNotTheCauseOfTheNextEpisode() {
        ClusterState c = cluster();
        c.nodes().markFailed(0, 100, true);   // healed after 20 s, before node-monitor-grace-period
        c.nodes().markFailed(0, 5_000, true); // the next fault: this episode's cause
        c.setNodeReady(0, Condition.UNKNOWN, 5_040);
        assertEquals(new NodeEpisode(5_000, 5_040, NEVER, NEVER, NEVER), c.nodes().openEpisode(0));
    }

    @Test
    void aSecondFaultWhileTheFirstStillHolds_keepsTheFirstAsTheCause() {
        ClusterState c = cluster();
        c.nodes().markFailed(0, 100, true);
        c.nodes().markFailed(0, 120, false); // e.g. a crash during a partition
        c.setNodeReady(0, Condition.UNKNOWN, 140);
        assertEquals(new NodeEpisode(100, 140, NEVER, NEVER, NEVER), c.nodes().openEpisode(0));
    }
}
