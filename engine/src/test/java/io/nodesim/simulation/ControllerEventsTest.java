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

    /**
     * The legacy path's DeletePods: DeletingAllPods about the node when it has any pod (DaemonSet
     * pods count), NodeControllerEviction about each pod it deletes (not the DaemonSet's), through
     * the node lifecycle controller's client, beside the node's NodeNotReady.
     */
    @Test
    void legacyDeletePods_deletingAllPodsForTheNode_andAnEventPerPodItDeletes() {
        ClusterSimulation web = crashed("1.12");
        assertEquals(1 + 1 + 10, web.nodeLifecycle().events().recorded(), "NodeNotReady, DeletingAllPods, 10 pods'");
        allSent(web.nodeLifecycle().events());
        var s = scenario().version("1.12").pool("node", 3, "a").daemonSet("agent").crash(CRASH, "node-0")
                .duration(SimTime.seconds(900)).build();
        ClusterSimulation agentsOnly = new ClusterSimulation(s, 0, true);
        agentsOnly.run();
        assertEquals(1 + 1, agentsOnly.nodeLifecycle().events().recorded(), "NodeNotReady, DeletingAllPods; no pod deleted");
        allSent(agentsOnly.nodeLifecycle().events());
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
    void aDeletedNodeIsRemoved_withARemovingNodeEvent() {
        var s = scenario().version("1.35").pool("node", 5, "a")
                .fault("NodeDelete", CRASH, SimTime.NEVER, nodes("node-0")).duration(SimTime.seconds(300)).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        sim.run();
        assertEquals(1, sim.nodeLifecycle().events().recorded());
    }

    @Test
    void aNodeCreatedAndDeletedBetweenTwoPasses_isNeitherAddedNorRemoved() {
        var s = scenario().version("1.35").pool("node", 5, "a").joiningNode("late", "a", SimTime.seconds(300), null)
                .fault("NodeDelete", SimTime.seconds(300) + SimTime.millis(1), SimTime.NEVER, nodes("late"))
                .duration(SimTime.seconds(600)).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        sim.run();
        assertEquals(0, sim.nodeLifecycle().events().recorded());
    }

    @Test
    void aRestartAfterADeletion_registersOnlyTheNodesLeft() {
        var s = scenario().version("1.35").pool("node", 5, "a")
                .fault("NodeDelete", CRASH, SimTime.NEVER, nodes("node-0"))
                .fault("ControllerManagerRestart", SimTime.seconds(200), SimTime.seconds(30), FaultTarget.all())
                .duration(SimTime.seconds(400)).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        sim.run();
        assertEquals(1 + 4, sim.nodeLifecycle().events().recorded(), "RemovingNode, then 4 RegisteredNode");
    }

    @Test
    void aPodWriteThatFails_stillHasItsEvent() {
        // 1 qps, burst 1: the pod writes go out a second apart (with the events between them); an
        // API-server stall from 1.5 s after the node's UpdateStatus makes the first writes time out.
        var base = scenario().version("1.35").pool("node", 3, "a").deployment("web", 30).kubeApi(1, 1)
                .crash(CRASH, "node-0").duration(SimTime.seconds(900));
        long unknown = SimAssertions.node(ClusterSimulation.run(base.build(), 0, true), "node-0").unknownAt();
        var s = base.fault("ControlPlaneOutage", unknown + SimTime.millis(1500), SimTime.seconds(150), FaultTarget.all())
                .build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        sim.run();
        // The first two pod writes hang and time out (at u + 62 s and u + 123 s); the third is answered
        // when the stall ends. The node stays in nodesToRetry, and the next pass writes those two
        // pods again: 1 + 10 + 2 events, one after every write, failed or not.
        assertEquals(1 + 10 + 2, sim.nodeLifecycle().events().recorded());
        assertTrue(sim.nodeLifecycle().events().dropped() > 0, "POSTs in the stall are lost");
    }

    @Test
    void aRestart_losesTheEventsStillWaiting() {
        // Burst 12 at 1 qps: the node's UpdateStatus, its event and the ten pod writes take the burst
        // at u; the pods' events then get one token a second, shared with the taints' GETs and
        // PATCHes, so at u + 5 s two are out and eight wait or are in flight.
        var base = scenario().version("1.35").pool("node", 3, "a").deployment("web", 30).kubeApi(1, 12)
                .crash(CRASH, "node-0").duration(SimTime.seconds(900));
        long unknown = SimAssertions.node(ClusterSimulation.run(base.build(), 0, true), "node-0").unknownAt();
        var s = base.fault("ControllerManagerRestart", unknown + SimTime.seconds(5), SimTime.seconds(10),
                FaultTarget.all()).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        sim.run();
        EventSink events = sim.nodeLifecycle().events();
        assertEquals(8, events.dropped(), "the eight still held by the old process");
        assertEquals(events.recorded(), events.posted() + events.dropped());
    }

    @Test
    void podsToleratingForever_haveNoDeletionToCancel_andNoEvent() {
        var s = scenario().version("1.35").pool("node", 3, "a").deployment("web", 30).daemonSet("agent")
                .crash(CRASH, "node-0").duration(SimTime.seconds(900)).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        sim.run();
        assertEquals(10, sim.taintEviction().events().recorded(), "the web pods' deletions only");
    }

    @Test
    void podsRemovedWhileTheirDeletionIsTimed_cancelItThen_withAnEvent() {
        // node-0 crashes and is deleted: pod GC removes its pods (about 250 s) before their 300 s
        // toleration of the NoExecute taint (about 150 s) runs out.
        var s = scenario().version("1.35").pool("node", 3, "a").deployment("web", 30).crash(CRASH, "node-0")
                .fault("NodeDelete", SimTime.seconds(200), SimTime.NEVER, nodes("node-0"))
                .duration(SimTime.seconds(900)).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        sim.simulation().runUntil(SimTime.seconds(300));
        assertEquals(10, sim.taintEviction().events().recorded(), "ten cancellations by 300 s");
        sim.run();
        assertEquals(10, sim.taintEviction().events().recorded(), "and no deletion after");
        // The informer's delete reaches handlePodUpdate one watch (50 ms) after the pod is gone.
        long gone = SimTime.NEVER;
        for (int p = 0; p < sim.cluster().pods().count(); p++) {
            if (sim.cluster().pods().node(p) == 0) {
                gone = Math.min(gone, sim.cluster().pods().goneAt(p));
            }
        }
        ClusterSimulation again = new ClusterSimulation(s, 0, true);
        again.simulation().runUntil(gone + SimTime.millis(50) - 1);
        assertEquals(0, again.taintEviction().events().recorded(), "not before the watch delay");
        again.simulation().runUntil(gone + SimTime.millis(50));
        assertTrue(again.taintEviction().events().recorded() > 0, "at it");
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
