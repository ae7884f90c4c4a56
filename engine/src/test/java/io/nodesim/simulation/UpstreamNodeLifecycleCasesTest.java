package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.deletedAtOrNever;
import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.podsOn;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.nodelifecycle.ZoneState;
import io.nodesim.testing.ScenarioFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cases of pkg/controller/nodelifecycle/node_lifecycle_controller_test.go, translated to scenarios.
 * Upstream drives {@code monitorNodeHealth} with a fake clock (fakeNow 2015-01-01 12:00, then
 * {@code timeToPass}); here the same situations arise from faults on the fixture's clock: passes
 * every P = 5 s that take ε = 20 ms (so P + ε apart), watch delay 50 ms, grace 40 s (≤ 1.31) or
 * 50 s, node-startup-grace-period 60 s. "Expect Unknown posted" becomes the first pass with
 * now &gt; probe + grace; "expectedPodStatusUpdate" becomes pods marked NotReady in that pass;
 * "expectedEvictPods" becomes the unreachable NoExecute taint and the pod's deletion.
 */
class UpstreamNodeLifecycleCasesTest {
    private static final long CRASH = SimTime.seconds(100);
    private static final long STEP = SimTime.seconds(5) + SimTime.millis(20);
    private static final String UNREACHABLE_NO_EXECUTE = "node.kubernetes.io/unreachable:NoExecute";

    /** The first pass strictly after {@code probe + grace}: the pass that writes Unknown. */
    private static void assertFirstPassAfter(long probe, long grace, long unknownAt) {
        assertTrue(unknownAt > probe + grace, "Unknown only after probe + grace: " + unknownAt);
        assertTrue(unknownAt - STEP <= probe + grace, "Unknown at the first pass after probe + grace: " + unknownAt);
    }


    private static List<EventRecord> noExecuteTaints(RunResult r, String nodeName) {
        return events(r, "TaintAdded").stream()
                .filter(e -> e.object().equals(nodeName) && e.detail().endsWith(":NoExecute")).toList();
    }

    /** A crashed node's Unknown decision, checked against the probe timestamp the controller kept. */
    private static void assertUnknownAfterGrace(String version, long grace) {
        var s = scenario().version(version).deployment("web", 10).crash(CRASH, "node-3")
                .duration(SimTime.seconds(300)).build();
        for (int k = 0; k < 5; k++) {
            ClusterSimulation sim = new ClusterSimulation(s, k, true);
            RunResult r = sim.run();
            long probe = sim.nodeLifecycle().probeTimestamp(sim.cluster().nodeIndex("node-3"));
            long unknown = node(r, "node-3").unknownAt();
            assertTrue(probe <= CRASH + STEP, "the last heartbeat seen precedes the crash (+ one pass): " + probe);
            assertFirstPassAfter(probe, grace, unknown);
            List<PodRecord> pods = podsOn(r, "node-3");
            assertFalse(pods.isEmpty());
            for (PodRecord p : pods) {
                assertEquals(unknown, p.notReadyAt(), "MarkPodsNotReady in the pass that wrote Unknown");
            }
        }
    }

    /**
     * TestMonitorNodeHealthUpdateStatus, "Node created long time ago, with status updated by
     * kubelet exceeds grace period" (expectedPodStatusUpdate: true). 1.12 has no Lease: the
     * NodeStatus heartbeat alone is the probe; grace 40 s.
     */
    @Test
    void updateStatus_statusOlderThanGrace_unknownAtFirstPassAfterProbePlusGrace_podsNotReady() {
        assertUnknownAfterGrace("1.12", SimTime.seconds(40));
    }

    /**
     * TestMonitorNodeHealthUpdateNodeAndPodStatusWithLease, "Node created long time ago, with
     * status updated by kubelet exceeds grace period. Node lease is also expired."
     * (expectedPodStatusUpdate: true), with 1.31's 40 s and 1.35's 50 s grace.
     */
    @Test
    void withLease_statusAndLeaseExpired_unknownAfterGrace_podsNotReady() {
        assertUnknownAfterGrace("1.31", SimTime.seconds(40));
        assertUnknownAfterGrace("1.35", SimTime.seconds(50));
    }

    /**
     * TestMonitorNodeHealthUpdateStatus, "Node created long time ago, with status updated recently.
     * Expect no action from node controller (within monitor grace period)": NodeStatus every 10 s
     * against 40 s of grace (1.12, no Lease) never lets a node go Unknown.
     */
    @Test
    void updateStatus_statusUpdatedRecently_noAction() {
        RunResult r = ClusterSimulation.run(scenario().version("1.12").deployment("web", 10)
                .duration(SimTime.MINUTE * 10).build(), 0, true);
        assertTrue(events(r, "NodeReadyUnknown").isEmpty());
        assertTrue(events(r, "PodNotReady").isEmpty());
    }

    /**
     * TestMonitorNodeHealthUpdateNodeAndPodStatusWithLease, "Node created long time ago, with
     * status updated by kubelet exceeds grace period. Node lease is renewed.": the status is posted
     * only every nodeStatusReportFrequency (5 min, far beyond the grace) but the Lease renewals
     * keep the probe fresh, so nothing happens.
     */
    @Test
    void withLease_statusStaleButLeaseRenewed_noAction() {
        RunResult r = ClusterSimulation.run(scenario().version("1.35").deployment("web", 10)
                .duration(SimTime.MINUTE * 20).build(), 0, true);
        assertTrue(events(r, "NodeReadyUnknown").isEmpty());
        assertTrue(events(r, "TaintAdded").isEmpty());
    }

    private static final long JOIN = SimTime.seconds(30);

    private static ScenarioFixture neverReadyNode() {
        return scenario().pool("node", 3, "a").deployment("web", 3).joiningNode("late", "a", JOIN, null);
    }

    /**
     * TestMonitorNodeHealthUpdateNodeAndPodStatusWithLease, "Node created recently, without status.
     * Node lease is missing." (and TestMonitorNodeHealthUpdateStatus "Node created recently, without
     * status"): within node-startup-grace-period (60 s) the controller writes nothing.
     */
    @Test
    void withLease_createdRecentlyWithoutStatus_noActionWithinStartupGrace() {
        RunResult r = ClusterSimulation.run(neverReadyNode().duration(JOIN + SimTime.seconds(60)).build(), 0, true);
        assertTrue(events(r, "NodeReadyUnknown").isEmpty(), events(r, "NodeReadyUnknown").toString());
    }

    /**
     * TestMonitorNodeHealthUpdateNodeAndPodStatusWithLease, "Node created long time ago, without
     * status. Node lease is missing.": Ready Unknown with reason NodeStatusNeverUpdated, probe =
     * creation time, at the first pass after creation + node-startup-grace-period; no pod status
     * update (expectedPodStatusUpdate: false, nothing ever ran there).
     */
    @Test
    void withLease_createdLongAgoWithoutStatus_neverUpdatedUnknown_noPodStatusUpdate() {
        RunResult r = ClusterSimulation.run(neverReadyNode().duration(SimTime.seconds(200)).build(), 0, true);
        List<EventRecord> unknown = events(r, "NodeReadyUnknown");
        assertEquals(1, unknown.size(), unknown.toString());
        assertEquals("late", unknown.get(0).object());
        assertEquals("NodeStatusNeverUpdated probeTimestamp=" + SimTime.formatSeconds(JOIN), unknown.get(0).detail());
        assertFirstPassAfter(JOIN, SimTime.seconds(60), unknown.get(0).time());
        assertTrue(events(r, "PodNotReady").isEmpty());
    }

    /**
     * TestApplyNoExecuteTaints, node0 ("Unreachable Taint with effect 'NoExecute' should be
     * applied"): an Unknown node gets node.kubernetes.io/unreachable:NoExecute, never not-ready;
     * with 1.34+ in the pass that wrote Unknown (queued with the current condition), the token
     * bucket being full.
     */
    @Test
    void applyNoExecuteTaints_unknownNode_getsUnreachableNotNotReady() {
        RunResult r = ClusterSimulation.run(scenario().deployment("web", 10).crash(CRASH, "node-3")
                .duration(SimTime.seconds(300)).build(), 0, true);
        List<EventRecord> taints = noExecuteTaints(r, "node-3");
        assertEquals(1, taints.size(), taints.toString());
        assertEquals(UNREACHABLE_NO_EXECUTE, taints.get(0).detail());
        long unknown = node(r, "node-3").unknownAt();
        assertTrue(taints.get(0).time() >= unknown && taints.get(0).time() <= unknown + SimTime.millis(200),
                "tainted by the worker within its 100 ms period: " + taints.get(0).time());
    }

    /**
     * TestApplyNoExecuteTaints, node2 "should remove taint from node2 once it becomes healthy":
     * the kubelet's Ready=True reaches the controller one watch delay after it is posted; the next
     * pass (markNodeAsReachable) removes the NoExecute taint.
     */
    @Test
    void applyNoExecuteTaints_nodeHealthyAgain_taintRemovedAtNextPass() {
        RunResult r = ClusterSimulation.run(scenario().deployment("web", 10)
                .fault("NodeCrash", CRASH, SimTime.seconds(120), nodes("node-3"))
                .duration(SimTime.seconds(400)).build(), 0, true);
        long ready = node(r, "node-3").readyAgainAt();
        List<EventRecord> removed = events(r, "TaintRemoved").stream()
                .filter(e -> e.object().equals("node-3") && e.detail().equals(UNREACHABLE_NO_EXECUTE)).toList();
        assertEquals(1, removed.size(), removed.toString());
        assertTrue(removed.get(0).time() > ready && removed.get(0).time() <= ready + SimTime.millis(50) + STEP,
                "removed at the first pass after the controller saw Ready: " + removed.get(0).time());
    }

    /**
     * TestMonitorNodeHealthEvictPodsWithDisruption, "Network Disruption: Only zone is down -
     * eviction shouldn't take place.": every zone Full is master disruption mode; nothing evicted.
     */
    @Test
    void disruption_onlyZoneDown_masterDisruption_noEviction() {
        var s = scenario().node("node0", "zone1", Map.of()).node("node1", "zone1", Map.of()).barePod("pod0", "node0")
                .crash(CRASH, "node0", "node1").duration(SimTime.MINUTE * 15).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        RunResult r = sim.run();
        assertEquals(ZoneState.FULL_DISRUPTION, sim.nodeLifecycle().zoneState(0));
        assertEquals(1, events(r, "DisruptionModeEntered").size());
        assertTrue(noExecuteTaints(r, "node0").isEmpty(), noExecuteTaints(r, "node0").toString());
        assertEquals(SimTime.NEVER, deletedAtOrNever(r, "pod0"));
    }

    /**
     * TestMonitorNodeHealthEvictPodsWithDisruption, "Network Disruption: Both zones down - eviction
     * shouldn't take place.".
     */
    @Test
    void disruption_bothZonesDown_masterDisruption_noEviction() {
        var s = scenario().node("node0", "zone1", Map.of()).node("node1", "zone2", Map.of())
                .barePod("pod0", "node0").barePod("pod1", "node1").crash(CRASH, "node0", "node1")
                .duration(SimTime.MINUTE * 15).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        RunResult r = sim.run();
        assertEquals(ZoneState.FULL_DISRUPTION, sim.nodeLifecycle().zoneState(0));
        assertEquals(ZoneState.FULL_DISRUPTION, sim.nodeLifecycle().zoneState(1));
        assertEquals(1, events(r, "DisruptionModeEntered").size());
        assertEquals(SimTime.NEVER, deletedAtOrNever(r, "pod0"));
        assertEquals(SimTime.NEVER, deletedAtOrNever(r, "pod1"));
    }

    /**
     * TestMonitorNodeHealthEvictPodsWithDisruption, "Network Disruption: One zone is down - eviction
     * should take place.": zone1 Full, zone2 Normal; the Full zone keeps node-eviction-rate, so node0
     * is tainted and its pod deleted after the default 300 s toleration.
     */
    @Test
    void disruption_oneZoneDown_evictionTakesPlace() {
        var s = scenario().node("node0", "zone1", Map.of()).node("node1", "zone2", Map.of())
                .barePod("pod0", "node0").crash(CRASH, "node0").duration(SimTime.MINUTE * 15).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        RunResult r = sim.run();
        assertEquals(ZoneState.FULL_DISRUPTION, sim.nodeLifecycle().zoneState(0));
        assertEquals(ZoneState.NORMAL, sim.nodeLifecycle().zoneState(1));
        assertTrue(events(r, "DisruptionModeEntered").isEmpty());
        List<EventRecord> taints = noExecuteTaints(r, "node0");
        assertEquals(1, taints.size());
        assertEquals(taints.get(0).time() + SimTime.millis(50) + SimTime.seconds(300), deletedAtOrNever(r, "pod0"),
                "deleted 300 s (DefaultTolerationSeconds) after the taint-eviction controller saw the taint");
    }

    /**
     * TestMonitorNodeHealthEvictPodsWithDisruption, "Initially both zones down, one comes back -
     * eviction should take place": leaving master disruption mode resets the probe timestamps and
     * gives each zone its limiter back; the still-Unknown node is then tainted and its pod evicted.
     */
    @Test
    void disruption_bothZonesDownThenOneBack_evictionTakesPlace() {
        var s = scenario().node("node0", "zone1", Map.of()).node("node1", "zone2", Map.of())
                .barePod("pod0", "node0").crash(CRASH, "node0")
                .fault("NodeCrash", CRASH, SimTime.seconds(200), nodes("node1"))
                .duration(SimTime.MINUTE * 20).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        RunResult r = sim.run();
        List<EventRecord> exited = events(r, "DisruptionModeExited");
        assertEquals(1, events(r, "DisruptionModeEntered").size());
        assertEquals(1, exited.size());
        assertTrue(exited.get(0).time() > CRASH + SimTime.seconds(200));
        List<EventRecord> after = noExecuteTaints(r, "node0").stream()
                .filter(e -> e.time() >= exited.get(0).time()).toList();
        assertEquals(1, after.size(), "node0 tainted again after the mode ended: " + noExecuteTaints(r, "node0"));
        assertEquals(UNREACHABLE_NO_EXECUTE, after.get(0).detail());
        assertEquals(after.get(0).time() + SimTime.millis(50) + SimTime.seconds(300), deletedAtOrNever(r, "pod0"));
        assertEquals(ZoneState.NORMAL, sim.nodeLifecycle().zoneState(1));
    }

    /**
     * ComputeZoneState on the zone counts of TestMonitorNodeHealthEvictPodsWithDisruption's cases
     * (node_lifecycle_controller.go: Full iff none ready; Partial iff notReady &gt; 2 and
     * notReady/(notReady+ready) &ge; unhealthy-zone-threshold 0.55, compared in float32).
     */
    @Test
    void computeZoneState_tableOfUpstreamCounts() {
        int[][] readyNotReady = {{0, 2}, {0, 1}, {1, 0}, {1, 1}, {2, 3}, {3, 3}, {2, 2}, {0, 0}, {45, 55}, {46, 54}};
        ZoneState[] expected = {ZoneState.FULL_DISRUPTION, ZoneState.FULL_DISRUPTION, ZoneState.NORMAL,
            ZoneState.NORMAL, ZoneState.PARTIAL_DISRUPTION, ZoneState.NORMAL, ZoneState.NORMAL, ZoneState.NORMAL,
            ZoneState.PARTIAL_DISRUPTION, ZoneState.NORMAL};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], ZoneState.compute(readyNotReady[i][0], readyNotReady[i][1], 0.55f),
                    "ready=" + readyNotReady[i][0] + " notReady=" + readyNotReady[i][1]);
        }
    }

    /**
     * setLimiterInZone (node_lifecycle_controller.go), as TestMonitorNodeHealthEvictPodsWithDisruption
     * exercises it: a PartialDisruption zone of at most large-cluster-size-threshold nodes gets rate 0
     * (no more taints), a larger one secondary-node-eviction-rate.
     */
    @Test
    void partialDisruption_smallZoneStops_largeZoneSlows() {
        String[] small = {"s-0", "s-1", "s-2", "s-3"};
        var smallRun = ClusterSimulation.run(scenario().largeClusterSizeThreshold(5).pool("s", 5, "zone1")
                .pool("o", 2, "zone2").crash(CRASH, small).duration(SimTime.MINUTE * 15).build(), 0, true);
        var largeRun = ClusterSimulation.run(scenario().largeClusterSizeThreshold(5).evictionRates(0.1, 0.05)
                .pool("s", 7, "zone1").pool("o", 2, "zone2").crash(CRASH, "s-0", "s-1", "s-2", "s-3", "s-4")
                .duration(SimTime.MINUTE * 15).build(), 0, true);
        for (RunResult r : List.of(smallRun, largeRun)) {
            assertEquals("PartialDisruption", events(r, "ZoneState").stream()
                    .filter(e -> e.object().equals("zone1")).reduce((a, b) -> b).orElseThrow().detail());
        }
        long partialSmall = events(smallRun, "ZoneState").stream().filter(e -> e.object().equals("zone1")).findFirst()
                .orElseThrow().time();
        assertTrue(events(smallRun, "TaintAdded").stream().filter(e -> e.detail().equals(UNREACHABLE_NO_EXECUTE))
                .allMatch(e -> e.time() <= partialSmall), "no NoExecute taint after the small zone went Partial");
        long tainted = events(largeRun, "TaintAdded").stream().filter(e -> e.detail().equals(UNREACHABLE_NO_EXECUTE))
                .count();
        assertEquals(5, tainted, "the large zone keeps tainting, slowly (0.05 nodes/s)");
    }

    /**
     * TestTaintsNodeByCondition, "Ready is unknown": doNoScheduleTaintingPass gives an Unknown node
     * node.kubernetes.io/unreachable:NoSchedule (never not-ready), on the node update event one
     * watch delay after the Unknown write; when Ready=True comes back the same pass removes it, one
     * watch delay after the kubelet's post.
     */
    @Test
    void taintsNodeByCondition_readyUnknown_unreachableNoSchedule_removedWhenReady() {
        RunResult r = ClusterSimulation.run(scenario().deployment("web", 10)
                .fault("NodeCrash", CRASH, SimTime.seconds(120), nodes("node-3"))
                .duration(SimTime.seconds(400)).build(), 0, true);
        var n = node(r, "node-3");
        List<EventRecord> added = events(r, "TaintAdded").stream()
                .filter(e -> e.object().equals("node-3") && e.detail().endsWith(":NoSchedule")).toList();
        assertEquals(List.of(new EventRecord(n.unknownAt() + SimTime.millis(50), "TaintAdded", "node-3",
                "node.kubernetes.io/unreachable:NoSchedule")), added);
        List<EventRecord> removed = events(r, "TaintRemoved").stream()
                .filter(e -> e.object().equals("node-3") && e.detail().endsWith(":NoSchedule")).toList();
        assertEquals(List.of(new EventRecord(n.readyAgainAt() + SimTime.millis(50), "TaintRemoved", "node-3",
                "node.kubernetes.io/unreachable:NoSchedule")), removed);
        assertTrue(events(r, "TaintAdded").stream().noneMatch(e -> e.detail().startsWith("node.kubernetes.io/not-ready")));
    }
}
