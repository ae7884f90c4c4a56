package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.metrics.WorkloadRecord;
import io.nodesim.scenario.FaultType;
import org.junit.jupiter.api.Test;

/** workloads.csv: Ready pods over time, without replacements (issue 5 adds those). */
class WorkloadAvailabilityTest {
    private static final long AT = SimTime.seconds(100);
    private static final long END = SimTime.MINUTE * 10;

    @Test
    void crashedNodeStaysDown_workloadShortOneUntilTheEnd() {
        var s = scenario().deployment("web", 10).crash(AT, "node-3").duration(END).build();
        RunResult r = ClusterSimulation.run(s, 0, false);
        WorkloadRecord w = r.workloads().get(0);
        NodeRecord n = node(r, "node-3");
        assertEquals(10, w.desired());
        assertEquals(9, w.minReady());
        assertEquals(n.unknownAt(), w.firstDisruptionAt());
        assertEquals(SimTime.NEVER, w.fullyReadyAgainAt());
        assertEquals(END - n.unknownAt(), w.unavailableMicros());
    }

    @Test
    void nodeBackBeforeEviction_workloadWholeAgainWhenTheKubeletPostsReady() {
        var s = scenario().deployment("web", 10)
                .fault(FaultType.NODE_CRASH, AT, SimTime.seconds(120), nodes("node-3")).duration(END).build();
        RunResult r = ClusterSimulation.run(s, 0, false);
        WorkloadRecord w = r.workloads().get(0);
        NodeRecord n = node(r, "node-3");
        assertEquals(n.readyAgainAt(), w.fullyReadyAgainAt());
        assertEquals(n.readyAgainAt() - n.unknownAt(), w.unavailableMicros());
    }
}
