package io.nodesim.nodelifecycle;

import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.simulation.ClusterSimulation;
import io.nodesim.testing.ScenarioFixture;
import org.junit.jupiter.api.Test;

/**
 * How often the monitor passes look at a node that cannot change: a lost node whose kubelet is
 * stopped for good, or cut off with no heal, sleeps once it is Unknown, tainted and queued, until
 * its fault ends (QuietNodesEquivalenceTest shows the runs are the same; this shows the work is
 * not). Ten nodes, three hours of passes every 5 s: 2,160 passes, 21,600 turns if every pass looked
 * at every node.
 */
class QuietNodeTurnsTest {
    private static long turns(ScenarioFixture f) {
        ClusterSimulation sim = new ClusterSimulation(f.pool("node", 10, "a", "b").deployment("web", 10)
                .duration(SimTime.HOUR * 3).build(), 0, false);
        sim.run();
        return sim.nodeLifecycle().turnsTaken();
    }

    @Test
    void aNodeStoppedForGood_isLookedAtOnlyUntilItIsTaintedAndQueued() {
        long turns = turns(scenario().fault("KubeletStop", SimTime.MINUTE, SimTime.NEVER, nodes("node-0")));
        assertTrue(turns < 200, turns + " turns");
    }

    @Test
    void aNodeCutOffWithNoHeal_isLookedAtOnlyUntilItIsTaintedAndQueued() {
        long turns = turns(scenario().fault("NetworkPartition", SimTime.MINUTE, SimTime.NEVER, nodes("node-0")));
        assertTrue(turns < 200, turns + " turns");
    }

    /**
     * A restart while a worker holds the lost node (its pods' writes wait for tokens at 0.5 qps):
     * the new instance's workers hold nothing, so the node sleeps again once it is queued.
     */
    @Test
    void aControllerRestartWhileAWorkerHoldsTheLostNode_letsItSleepAgain() {
        ClusterSimulation sim = new ClusterSimulation(scenario().kubeApi(0.5, 1).pool("node", 10, "a", "b")
                .deployment("web", 100).crash(SimTime.MINUTE, "node-0")
                .fault("ControllerManagerRestart", SimTime.seconds(125), SimTime.seconds(30), FaultTarget.all())
                .duration(SimTime.HOUR * 3).build(), 0, false);
        sim.run();
        long turns = sim.nodeLifecycle().turnsTaken();
        assertTrue(turns < 400, turns + " turns");
    }
}
