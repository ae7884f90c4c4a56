package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.seconds;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.metrics.WorkloadRecord;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** workloads.csv: Ready pods over time; a Deployment is whole again when its replacement is Ready. */
class WorkloadAvailabilityTest {
    private static final long AT = SimTime.seconds(100);
    private static final long END = SimTime.MINUTE * 10;

    @Test
    void crashedNodeStaysDown_workloadWholeAgainWhenTheReplacementIsReady() {
        var s = scenario().deployment("web", 10).crash(AT, "node-3").duration(END).build();
        RunResult r = ClusterSimulation.run(s, 0, false);
        WorkloadRecord w = r.workloads().get(0);
        NodeRecord n = node(r, "node-3");
        long replacementReady = SimAssertions.podOf(r, "web", "node-3").replacementReadyAt();
        assertEquals(10, w.desired());
        assertEquals(9, w.minReady());
        assertEquals(n.unknownAt(), w.firstDisruptionAt());
        assertEquals(replacementReady, w.fullyReadyAgainAt());
        assertEquals(replacementReady - n.unknownAt(), w.unavailableMicros());
        assertEquals(List.of(seconds(replacementReady - n.unknownAt())),
                Arrays.stream(r.metrics().get("workload_unavailable_seconds")).boxed().toList());
    }

    @Test
    void nodeBackBeforeEviction_workloadWholeAgainWhenTheKubeletPostsReady() {
        var s = scenario().deployment("web", 10)
                .fault("NodeCrash", AT, SimTime.seconds(120), nodes("node-3")).duration(END).build();
        RunResult r = ClusterSimulation.run(s, 0, false);
        WorkloadRecord w = r.workloads().get(0);
        NodeRecord n = node(r, "node-3");
        assertEquals(n.readyAgainAt(), w.fullyReadyAgainAt());
        assertEquals(n.readyAgainAt() - n.unknownAt(), w.unavailableMicros());
    }

    @Test
    void availability_isOneMinusUnavailableTimeOverDuration_summedOverEveryEpisode() {
        var s = scenario().deployment("web", 10)
                .fault("NodeCrash", AT, SimTime.seconds(120), nodes("node-3"))
                .fault("NodeCrash", SimTime.seconds(400), SimTime.seconds(60), nodes("node-3"))
                .duration(END).build();
        RunResult r = ClusterSimulation.run(s, 0, false);
        WorkloadRecord w = r.workloads().get(0);
        List<NodeRecord> episodes = r.nodes().stream().filter(n -> n.node().equals("node-3")).toList();
        assertEquals(2, episodes.size());
        long unavailable = episodes.stream().mapToLong(n -> n.readyAgainAt() - n.unknownAt()).sum();
        assertEquals(unavailable, w.unavailableMicros());
        assertEquals(1.0 - (double) unavailable / END, w.availability(), 0.0);
        assertEquals(List.of(w.availability()),
                Arrays.stream(r.metrics().get("workload_availability")).boxed().toList());
    }

    @Test
    void undisturbedWorkload_isAvailableTheWholeRun() {
        var s = scenario().deployment("web", 4).duration(END).build();
        RunResult r = ClusterSimulation.run(s, 0, false);
        assertEquals(1.0, r.workloads().get(0).availability(), 0.0);
        assertEquals(0, r.workloads().get(0).unavailableMicros());
    }
}
