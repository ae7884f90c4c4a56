package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.podOf;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.controllermanager.EventSink;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.FaultTarget;
import org.junit.jupiter.api.Test;

/**
 * Which Kubernetes Events the controllers record, each a POST through the controller's own client:
 * the node lifecycle controller's {@code RegisteredNode} / {@code RemovingNode} ({@code classifyNodes}
 * in {@code monitorNodeHealth}), {@code NodeNotReady} for a node ({@code RecordNodeStatusChange}) and,
 * from 1.19 (PR #87743), for every pod {@code MarkPodsNotReady} updates (pkg/controller/util/node);
 * the taint-eviction controller's {@code TaintManagerEviction} before each deletion
 * ({@code deletePodHandler}) and for each scheduled deletion it cancels ({@code cancelWorkWithEvent}).
 */
class ControllerEventsTest {
    private static final long CRASH = SimTime.seconds(100);

    /** Three nodes of ten web pods each; node-0 crashes for good. */
    private static ClusterSimulation crashed(String version) {
        var s = scenario().version(version).pool("node", 3, "a").deployment("web", 30).crash(CRASH, "node-0")
                .duration(SimTime.seconds(900)).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        sim.run();
        return sim;
    }

    private static void allSent(EventSink events) {
        assertEquals(events.recorded(), events.posted(), "every event POSTed");
        assertEquals(0, events.dropped());
    }

    @Test
    void from119_anEventPerPodMarkedNotReady_beforeOnlyTheNodes() {
        ClusterSimulation v119 = crashed("1.19");
        assertEquals(1 + 10, v119.nodeLifecycle().events().recorded(), "the node's NodeNotReady and its 10 pods'");
        allSent(v119.nodeLifecycle().events());
        ClusterSimulation v118 = crashed("1.18");
        assertEquals(1, v118.nodeLifecycle().events().recorded(), "the node's NodeNotReady only");
        allSent(v118.nodeLifecycle().events());
    }

    @Test
    void aTaintManagerEvictionEventBeforeEveryDeletion() {
        ClusterSimulation sim = crashed("1.35");
        assertEquals(10, sim.taintEviction().events().recorded());
        allSent(sim.taintEviction().events());
    }

    @Test
    void aCancelledDeletionHasItsEventToo() {
        // node-0 is back after 2 min: its NoExecute taint goes before the pods' 300 s toleration ends.
        var s = scenario().version("1.35").pool("node", 3, "a").deployment("web", 30)
                .fault("NodeCrash", CRASH, SimTime.seconds(120), nodes("node-0")).duration(SimTime.seconds(900)).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        RunResult r = sim.run();
        assertEquals(SimTime.NEVER, podOf(r, "web", "node-0").deletedAt(), "no deletion");
        assertEquals(10, sim.taintEviction().events().recorded(), "ten cancelled deletions");
        allSent(sim.taintEviction().events());
    }

    @Test
    void aNewInstanceRegistersEveryNode_aJoiningNodeIsRegisteredAtTheNextPass() {
        var s = scenario().version("1.35").pool("node", 20, "a").joiningNode("late", "a", SimTime.seconds(300), null)
                .fault("ControllerManagerRestart", CRASH, SimTime.seconds(30), FaultTarget.all())
                .duration(SimTime.seconds(600)).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        sim.run();
        EventSink events = sim.nodeLifecycle().events();
        assertEquals(20 + 1, events.recorded(), "20 at the new instance's first pass, then the late node");
        allSent(events);
    }

    @Test
    void aThousandWaiting_theRestAreDropped_everyOneRecordedIsSentOrDropped() {
        // 60 nodes of 40 pods (the fixture's nodes hold 40) lost together at 20 qps: the pass's eight
        // workers mark pods while the broadcaster sends one event in nine tokens, so more than 1,000
        // come to wait and the rest are dropped.
        String[] lost = new String[60];
        for (int i = 0; i < lost.length; i++) {
            lost[i] = "node-" + i;
        }
        var s = scenario().version("1.35").pool("node", 70, "a").deployment("web", 2800).crash(CRASH, lost)
                .duration(SimTime.seconds(900)).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        sim.run();
        EventSink events = sim.nodeLifecycle().events();
        assertEquals(60 + 2400, events.recorded());
        assertTrue(events.dropped() > 0, "dropped " + events.dropped());
        assertEquals(events.recorded(), events.posted() + events.dropped());
    }
}
