package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.pod;
import static io.nodesim.simulation.SimAssertions.podOf;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.FaultTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each fault type changes the world only; the controllers' reaction shows in the result. */
class FaultsTest {
    private static final long AT = SimTime.seconds(100);

    @Test
    void kubeletStop_containersKeepRunning_soDeletionsAreFalseEvictions() {
        var s = scenario().pool("node", 3, "a").deployment("web", 3)
                .fault("KubeletStop", AT, SimTime.NEVER, nodes("node-1")).duration(SimTime.MINUTE * 8).build();
        RunResult r = ClusterSimulation.run(s, 0, false);
        assertTrue(podOf(r, "web", "node-1").falseEviction());
        assertEquals(1, r.metrics().get("false_evictions")[0]);
    }

    @Test
    void networkPartition_healed_nodeReadyAtTheNextStatusTick() {
        long down = SimTime.seconds(90);
        var s = scenario().pool("node", 3, "a").deployment("web", 3)
                .fault("NetworkPartition", AT, down, nodes("node-1")).duration(SimTime.MINUTE * 6).build();
        NodeRecord n = node(ClusterSimulation.run(s, 0, false), "node-1");
        assertTrue(n.unknownAt() < AT + down);
        long back = n.readyAgainAt() - (AT + down);
        assertTrue(back >= 0 && back <= SimTime.seconds(10) + SimTime.millis(5), "ready again after " + back);
    }

    @Test
    void nodeRecover_endsAPermanentCrashEarly() {
        var s = scenario().pool("node", 3, "a").deployment("web", 3).crash(AT, "node-1")
                .fault("NodeRecover", AT + SimTime.seconds(120), SimTime.NEVER, nodes("node-1"))
                .duration(SimTime.MINUTE * 10).build();
        RunResult r = ClusterSimulation.run(s, 0, false);
        assertEquals(AT + SimTime.seconds(120) + SimTime.millis(5), node(r, "node-1").readyAgainAt());
        assertEquals(SimTime.NEVER, podOf(r, "web", "node-1").deletedAt());
    }

    @Test
    void randomNodeFailures_failAndRepairRepeatedly() {
        var s = scenario().pool("node", 10, "a").deployment("web", 10)
                .randomFailures(0, DurationDistribution.exponential(SimTime.MINUTE * 10),
                        DurationDistribution.constant(SimTime.MINUTE * 2), null, FaultTarget.all())
                .duration(SimTime.HOUR).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        long faults = events(r, "NodeFault").size();
        assertTrue(faults >= 20, "about 10 nodes × 60 / 12 failures: " + faults);
        assertTrue(events(r, "NodeReadyTrue").size() >= faults / 2, "repairs bring the nodes back");
        assertTrue(r.metrics().get("time_to_unknown").length >= faults / 2);
    }

    @Test
    void targets_countDrawnFromTheFaultsStream_withinTheZone() {
        var s = scenario().pool("node", 30, "a", "b", "c")
                .fault("NodeCrash", AT, SimTime.NEVER, new FaultTarget(List.of(), "b", Map.of(), 4, null))
                .duration(SimTime.MINUTE * 3).build();
        RunResult r = ClusterSimulation.run(s, 0, false);
        List<NodeRecord> failed = r.nodes().stream().filter(n -> n.failedAt() != SimTime.NEVER).toList();
        assertEquals(4, failed.size());
        assertTrue(failed.stream().allMatch(n -> n.zone().equals("b")));
        List<String> names = failed.stream().map(NodeRecord::node).toList();
        List<String> otherNames = ClusterSimulation.run(s, 5, false).nodes().stream()
                .filter(n -> n.failedAt() != SimTime.NEVER).map(NodeRecord::node).toList();
        assertNotEquals(names, otherNames, "each replication draws its own targets");
    }

    @Test
    void outOfServiceTaint_untoleratedPodsDeletedWhenTheTaintIsProcessed() {
        var s = scenario().pool("node", 3, "a").deployment("web", 3).daemonSet("agent").crash(AT, "node-1")
                .fault("OutOfServiceTaint", AT + SimTime.seconds(120), SimTime.NEVER, nodes("node-1"))
                .duration(SimTime.MINUTE * 5).build();
        RunResult r = ClusterSimulation.run(s, 0, false);
        long processed = AT + SimTime.seconds(120) + SimTime.millis(50);
        assertEquals(processed, podOf(r, "web", "node-1").deletedAt());
        assertEquals(processed, pod(r, "agent-node-1").deletedAt(), "DaemonSet pods do not tolerate it either");
    }
}
