package io.nodesim.simulation;

import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Same scenario, seed and replication ⇒ the same RunResult; another replication ⇒ other numbers. */
class DeterminismTest {
    private static Scenario busy() {
        return scenario().pool("node", 30, "a", "b", "c").deployment("web", 60).daemonSet("agent")
                .watch(DurationDistribution.uniform(SimTime.millis(10), SimTime.millis(100)))
                .monitorPass(DurationDistribution.uniform(SimTime.millis(5), SimTime.millis(50)))
                .fault("NodeCrash", SimTime.seconds(60), SimTime.MINUTE * 4,
                        new FaultTarget(java.util.List.of(), "a", java.util.Map.of(), 4, null))
                .fault("HeartbeatDelay", SimTime.seconds(90), SimTime.MINUTE * 3,
                        new FaultTarget(java.util.List.of(), null, java.util.Map.of(), null, 10.0),
                        DurationDistribution.exponential(SimTime.seconds(20)))
                .duration(SimTime.MINUTE * 12).build();
    }

    @Test
    void sameSeed_identicalRunResult() {
        SimAssertions.assertSameRun(ClusterSimulation.run(busy(), 3, true), ClusterSimulation.run(busy(), 3, true));
    }

    @Test
    void otherReplication_otherNumbers() {
        assertNotEquals(ClusterSimulation.run(busy(), 0, true).events(), ClusterSimulation.run(busy(), 1, true).events());
    }
}
