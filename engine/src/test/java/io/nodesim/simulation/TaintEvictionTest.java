package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.podsOn;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static io.nodesim.testing.ScenarioFixture.toleration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import org.junit.jupiter.api.Test;

/** Spec §1.6 and §1.9: tolerations, deletion times, cancellation and recovery. */
class TaintEvictionTest {
    private static final long CRASH = SimTime.seconds(100);
    private static final long WATCH = SimTime.millis(50);

    private static RunResult crashOne(Toleration... tolerations) {
        return ClusterSimulation.run(scenario().pool("node", 3, "a").deployment("web", 3, tolerations).daemonSet("agent")
                .crash(CRASH, "node-1").duration(SimTime.MINUTE * 10).build(), 0, true);
    }

    @Test
    void podDeleted_defaultTolerationSeconds_fromTaintProcessingTime() {
        RunResult r = crashOne();
        NodeRecord n = node(r, "node-1");
        PodRecord web = SimAssertions.podOf(r, "web", "node-1");
        // T_D = T_X + λ + τ: the controller's own processing time, not the taint's TimeAdded.
        assertEquals(n.noExecuteTaintAt() + WATCH + SimTime.seconds(300), web.deletedAt());
        assertFalse(web.falseEviction(), "a crashed node's containers are dead");
    }

    @Test
    void daemonSetPod_toleratesForever_neverDeleted() {
        RunResult r = crashOne();
        PodRecord agent = SimAssertions.pod(r, "agent-node-1");
        assertEquals(node(r, "node-1").unknownAt(), agent.notReadyAt());
        assertEquals(SimTime.NEVER, agent.deletedAt());
    }

    @Test
    void zeroTolerationSeconds_deletedWhenTaintProcessed() {
        RunResult r = crashOne(toleration(ControllerTaints.UNREACHABLE_KEY, 0L));
        assertEquals(node(r, "node-1").noExecuteTaintAt() + WATCH, SimAssertions.podOf(r, "web", "node-1").deletedAt());
    }

    /**
     * getMatchingTolerations keeps the first toleration in the pod's list that tolerates each taint
     * (taint_eviction.go); the later, shorter one is never looked at: [100 s, 20 s] waits 100 s.
     */
    @Test
    void firstMatchingToleration_counts_notTheShortest() {
        RunResult r = crashOne(toleration(ControllerTaints.UNREACHABLE_KEY, 100L), toleration("", 20L));
        assertEquals(node(r, "node-1").noExecuteTaintAt() + WATCH + SimTime.seconds(100),
                SimAssertions.podOf(r, "web", "node-1").deletedAt());
    }

    /** [unreachable forever, unreachable 60 s]: the first match has no seconds, so never (getMinTolerationTime -1). */
    @Test
    void firstMatchingToleration_unbounded_neverDeleted_evenWithABoundedOneAfterIt() {
        RunResult r = crashOne(toleration(ControllerTaints.UNREACHABLE_KEY, null), toleration(ControllerTaints.UNREACHABLE_KEY, 60L));
        assertEquals(SimTime.NEVER, SimAssertions.podOf(r, "web", "node-1").deletedAt());
    }

    /** [unreachable 60 s, unreachable forever]: the bounded one comes first and counts. */
    @Test
    void firstMatchingToleration_bounded_beforeAnUnboundedOne() {
        RunResult r = crashOne(toleration(ControllerTaints.UNREACHABLE_KEY, 60L), toleration(ControllerTaints.UNREACHABLE_KEY, null));
        assertEquals(node(r, "node-1").noExecuteTaintAt() + WATCH + SimTime.seconds(60),
                SimAssertions.podOf(r, "web", "node-1").deletedAt());
    }

    @Test
    void unboundedTolerationOnly_neverDeleted() {
        RunResult r = crashOne(toleration(ControllerTaints.UNREACHABLE_KEY, null));
        assertEquals(SimTime.NEVER, SimAssertions.podOf(r, "web", "node-1").deletedAt());
    }

    @Test
    void taintRemovedBeforeTolerationExpires_noDeletion_andRecoveryTimeline() {
        long down = SimTime.seconds(120);
        var s = scenario().pool("node", 3, "a").deployment("web", 3)
                .fault("NodeCrash", CRASH, down, nodes("node-1")).duration(SimTime.MINUTE * 10).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        RunResult r = sim.run();
        NodeRecord n = node(r, "node-1");
        assertTrue(n.noExecuteTaintAt() < CRASH + down, "tainted before the node came back");
        // A rebooted kubelet posts Ready at once (fastStatusUpdateOnce) after its write latency.
        assertEquals(CRASH + down + SimTime.millis(5), n.readyAgainAt());
        var removed = SimAssertions.events(r, "TaintRemoved");
        long noSchedule = removed.stream().filter(e -> e.detail().endsWith("NoSchedule")).findFirst().orElseThrow().time();
        long noExecute = removed.stream().filter(e -> e.detail().endsWith("NoExecute")).findFirst().orElseThrow().time();
        assertEquals(n.readyAgainAt() + WATCH, noSchedule, "NoSchedule goes as soon as the node update arrives");
        long seen = n.readyAgainAt() + WATCH;
        assertTrue(noExecute > seen && noExecute <= seen + SimTime.seconds(5) + SimTime.millis(20),
                "NoExecute goes at the next monitor pass");
        for (PodRecord p : podsOn(r, "node-1")) {
            assertEquals(SimTime.NEVER, p.deletedAt(), "pending deletion cancelled");
        }
        assertEquals(SimTime.NEVER, sim.taintEviction().scheduledEviction(sim.cluster().pods().count() - 2));
    }

    @Test
    void flap_restartsTolerationFromTheNewTaint() {
        // Down 120 s, back 60 s, down again: τ counts from the second taint's processing.
        var s = scenario().pool("node", 3, "a").deployment("web", 3)
                .fault("NodeCrash", CRASH, SimTime.seconds(120), nodes("node-1"))
                .crash(CRASH + SimTime.seconds(180), "node-1").duration(SimTime.MINUTE * 15).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        var added = SimAssertions.events(r, "TaintAdded").stream()
                .filter(e -> e.detail().endsWith("unreachable:NoExecute")).toList();
        assertEquals(2, added.size());
        assertEquals(added.get(1).time() + WATCH + SimTime.seconds(300), SimAssertions.podOf(r, "web", "node-1").deletedAt());
    }

    @Test
    void taintsInOneZone_oneEveryTenSeconds_whileQueueNonEmpty() {
        // Case 13: 10 of 100 nodes fail together; the zone stays Normal (10 % < 55 %).
        String[] failed = new String[10];
        for (int i = 0; i < 10; i++) {
            failed[i] = "node-" + (i * 7);
        }
        var s = scenario().pool("node", 100, "a").deployment("web", 100).crash(CRASH, failed)
                .duration(SimTime.MINUTE * 6).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        long[] taints = r.nodes().stream().mapToLong(NodeRecord::noExecuteTaintAt).filter(t -> t != SimTime.NEVER)
                .sorted().toArray();
        assertEquals(10, taints.length);
        for (int i = 1; i < taints.length; i++) {
            long gap = taints[i] - taints[i - 1];
            assertTrue(gap >= SimTime.seconds(10) - SimTime.MILLISECOND, "gap " + gap);
            if (i >= 2) {
                assertTrue(gap <= SimTime.seconds(10) + SimTime.millis(100), "gap " + gap);
            }
        }
        assertTrue(SimAssertions.events(r, "ZoneState").isEmpty(), "the zone stays Normal");
    }

    @Test
    void queueOrder_amongWaitingNodes_variesWithTheSeed() {
        String[] failed = {"node-1", "node-2", "node-3", "node-4", "node-5"};
        var s = scenario().pool("node", 50, "a").crash(CRASH, failed).duration(SimTime.MINUTE * 4).build();
        java.util.Set<String> lastTainted = new java.util.HashSet<>();
        for (int k = 0; k < 30; k++) {
            RunResult r = new ClusterSimulation(s, k, false).run();
            lastTainted.add(r.nodes().stream().max(java.util.Comparator.comparingLong(NodeRecord::noExecuteTaintAt))
                    .orElseThrow().node());
        }
        assertTrue(lastTainted.size() >= 3, "order is random: " + lastTainted);
    }

    @Test
    void scheduledEviction_keepsItsDeadline_whenTheNodeIsProcessedAgain() {
        // Case 12: re-processing the node (a new taint event, a changed toleration) never moves a
        // scheduled deletion: CreatedAt + τ is always before now + τ.
        var s = scenario().pool("node", 3, "a").deployment("web", 3).crash(CRASH, "node-1")
                .duration(SimTime.MINUTE * 10).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, false);
        sim.simulation().runUntil(SimTime.seconds(250));
        int node = sim.cluster().nodeIndex("node-1");
        sim.taintEviction().taintsChanged(node, 0, sim.cluster().nodes().taints(node), SimTime.seconds(250));
        RunResult r = sim.run();
        assertEquals(node(r, "node-1").noExecuteTaintAt() + WATCH + SimTime.seconds(300),
                SimAssertions.podOf(r, "web", "node-1").deletedAt());
    }
}
