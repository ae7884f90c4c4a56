package io.nodesim.simulation;

import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.cluster.PodTable;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The run-end check that no node holds pods it does not fit. */
class InvariantsTest {
    /** Three 4-CPU nodes, seven 1500m pods: two fit per node, the seventh stays Pending. */
    private static Scenario crowded() {
        return scenario().pool("node", 3, "a").cpu("1500m").deployment("big", 7).duration(SimTime.MINUTE).build();
    }

    @Test
    void aPendingPodStaysPending_andTheRunPasses() {
        ClusterSimulation sim = new ClusterSimulation(crowded(), 0, false);
        assertEquals(1, pending(sim.cluster().pods()).length);
        sim.run();
        assertEquals(SimTime.MINUTE, sim.simulation().now(), "the run reached its end past its checks");
    }

    @Test
    void aPodBoundToANodeItDoesNotFit_failsTheRun() {
        ClusterSimulation sim = new ClusterSimulation(crowded(), 0, false);
        PodTable pods = sim.cluster().pods();
        int p = pending(pods)[0];
        sim.cluster().bindPod(p, 0, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, sim::run);
        assertTrue(e.getMessage().contains("node-0 holds pods it does not fit: cpu 4500m of 4000m"), e.getMessage());
    }

    private static int[] pending(PodTable pods) {
        return java.util.stream.IntStream.range(0, pods.count()).filter(p -> pods.node(p) < 0).toArray();
    }
}
