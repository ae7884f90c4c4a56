package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.cluster.Condition;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.nodelifecycle.ZoneState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §1.2 / §3 case 26: nodes created during the run and node-startup-grace-period. */
class NodeJoinTest {
    private static final long JOIN = SimTime.seconds(30);
    /** P + ε of the fixture: passes are this far apart. */
    private static final long STEP = SimTime.seconds(5) + SimTime.millis(20);

    @Test
    void case26_neverReportingNode_unknownAtFirstPassAfterStartupGrace_notAfterMonitorGrace() {
        var s = scenario().pool("node", 3, "a").joiningNode("late", "a", JOIN, null)
                .deployment("web", 3).duration(SimTime.seconds(200)).build();
        for (int k = 0; k < 10; k++) {
            ClusterSimulation sim = new ClusterSimulation(s, k, true);
            RunResult r = sim.run();
            int late = sim.cluster().nodeIndex("late");
            // The probe timestamp is the node's creation time, not the pass that first saw it.
            assertEquals(JOIN, sim.nodeLifecycle().probeTimestamp(late));
            long unknown = node(r, "late").unknownAt();
            long startupGrace = JOIN + SimTime.seconds(60);
            assertTrue(unknown > startupGrace && unknown - STEP <= startupGrace, "replication " + k + ": " + unknown);
            // With G = 50 s it would have gone Unknown by the first pass after JOIN + 50 s.
            assertTrue(unknown > JOIN + SimTime.seconds(50) + STEP, "startup grace, not G");
            List<EventRecord> unknownEvents = events(r, "NodeReadyUnknown");
            assertEquals(1, unknownEvents.size());
            assertEquals(new EventRecord(unknown, "NodeReadyUnknown", "late", "NodeStatusNeverUpdated probeTimestamp=30.000"),
                    unknownEvents.get(0));
            // unreachable:NoSchedule replaces the not-ready taint of creation one watch delay later.
            assertEquals(unknown + SimTime.millis(50), node(r, "late").noScheduleTaintAt());
            assertTrue(node(r, "late").noExecuteTaintAt() >= unknown, "unreachable:NoExecute queued");
            assertEquals(SimTime.NEVER, node(r, "late").readyAgainAt());
            assertEquals(Condition.UNKNOWN, sim.cluster().nodes().ready(late));
        }
    }

    @Test
    void joiningNode_readyAfter20s_getsThePendingReplicas_andStaysReady() {
        // 2 nodes of 4 CPU, pods of 2 CPU: 4 of 6 replicas run, 2 wait for the new node.
        var s = scenario().cpu("2").pool("node", 2, "a")
                .joiningNode("late", "a", JOIN, DurationDistribution.constant(SimTime.seconds(20)))
                .deployment("web", 6).duration(SimTime.MINUTE * 10).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        RunResult r = sim.run();
        long ready = JOIN + SimTime.seconds(20);
        assertEquals(List.of(new EventRecord(ready, "NodeReadyTrue", "late", "KubeletReady")),
                events(r, "NodeReadyTrue"));
        // NLC informer (λ) removes not-ready:NoSchedule; the scheduler's informer (λ) sees it.
        long removed = ready + SimTime.millis(50);
        List<EventRecord> taintEvents = events(r, "TaintRemoved");
        assertEquals(List.of(new EventRecord(removed, "TaintRemoved", "late", "node.kubernetes.io/not-ready:NoSchedule")),
                taintEvents);
        List<EventRecord> onLate = events(r, "PodScheduled").stream().filter(e -> e.detail().equals("late")).toList();
        assertEquals(2, onLate.size());
        for (EventRecord e : onLate) {
            assertEquals(removed + SimTime.millis(50), e.time(), "scheduled once the taint is gone: " + e);
        }
        // Its heartbeats run from the first post: it never goes Unknown (10 min >> 60 s).
        assertEquals(SimTime.NEVER, node(r, "late").unknownAt());
        assertEquals(Condition.TRUE, sim.cluster().nodes().ready(sim.cluster().nodeIndex("late")));
        assertTrue(events(r, "NodeReadyUnknown").isEmpty());
    }

    @Test
    void podsOfTimeZero_neverLandOnANodeThatJoinsLater() {
        var s = scenario().pool("node", 3, "a")
                .joiningNode("late", "a", SimTime.seconds(0), DurationDistribution.constant(SimTime.seconds(10)))
                .deployment("web", 30).duration(SimTime.seconds(60)).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        assertTrue(events(r, "PodScheduled").stream().noneMatch(e -> e.detail().equals("late")));
        assertTrue(r.pods().stream().noneMatch(p -> p.node().equals("late")));
    }

    @Test
    void zoneCounting_nodeWithoutReadyCondition_countsAsNotReady() {
        // Zone b holds only the joining node: FullDisruption while it has no status.
        var s = scenario().pool("node", 3, "a")
                .joiningNode("late", "b", JOIN, DurationDistribution.constant(SimTime.seconds(40)))
                .deployment("web", 3).duration(SimTime.MINUTE * 3).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, false);
        int zoneB = sim.cluster().zones().indexOf("b");
        sim.simulation().runUntil(JOIN + SimTime.seconds(20));
        assertEquals(ZoneState.FULL_DISRUPTION, sim.nodeLifecycle().zoneState(zoneB));
        assertEquals(Condition.NONE, sim.cluster().nodes().ready(sim.cluster().nodeIndex("late")));
        sim.simulation().runUntil(JOIN + SimTime.seconds(40) + 2 * STEP);
        assertEquals(ZoneState.NORMAL, sim.nodeLifecycle().zoneState(zoneB));
        assertEquals(ZoneState.NORMAL, sim.nodeLifecycle().zoneState(sim.cluster().zones().indexOf("a")));
    }

    @Test
    void nodeThatJoins_beforeItsCreation_isNotCountedInItsZone() {
        var s = scenario().pool("node", 3, "a")
                .joiningNode("late", "b", SimTime.MINUTE * 2, null)
                .deployment("web", 3).duration(SimTime.MINUTE * 3).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, false);
        sim.simulation().runUntil(SimTime.MINUTE * 1);
        // No node of zone b exists yet: the zone is not in the controller's map.
        assertEquals(ZoneState.ABSENT, sim.nodeLifecycle().zoneState(sim.cluster().zones().indexOf("b")));
        sim.simulation().runUntil(SimTime.MINUTE * 2 + 2 * STEP);
        assertEquals(ZoneState.FULL_DISRUPTION, sim.nodeLifecycle().zoneState(sim.cluster().zones().indexOf("b")));
    }
}
