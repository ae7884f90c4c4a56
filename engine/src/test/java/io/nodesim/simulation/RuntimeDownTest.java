package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.pod;
import static io.nodesim.simulation.SimAssertions.podOf;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RuntimeDown: the kubelet keeps posting, with Ready=False ({@code pkg/kubelet/runtime.go}
 * {@code runtimeErrors}); the node lifecycle controller's not-ready branches
 * ({@code processTaintBaseEviction} case ConditionFalse, the legacy {@code processNoTaintBaseEviction}
 * on {@code readyTransitionTimestamp}) and the DaemonSet controller's recreation after the
 * out-of-service taint.
 */
class RuntimeDownTest {
    private static final long AT = SimTime.seconds(100);
    private static final String NOT_READY_NO_EXECUTE = "node.kubernetes.io/not-ready:NoExecute";

    private static long readyFalseAt(RunResult r, String node) {
        return events(r, "NodeReadyFalse").stream().filter(e -> e.object().equals(node)).findFirst()
                .map(EventRecord::time).orElseThrow(() -> new AssertionError("no NodeReadyFalse for " + node));
    }

    private static List<String> taintsAdded(RunResult r, String node) {
        return events(r, "TaintAdded").stream().filter(e -> e.object().equals(node)).map(EventRecord::detail).toList();
    }

    @Test
    void runtimeDown_kubeletPostsFalse_30sAfterTheLastGoodCheck_andTheNotReadyTaintsApply() {
        var s = scenario().pool("node", 3, "a").deployment("web", 3).daemonSet("agent")
                .fault("RuntimeDown", AT, SimTime.MINUTE * 12, nodes("node-1")).duration(SimTime.MINUTE * 15).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        long posted = readyFalseAt(r, "node-1") - AT;
        // last good updateRuntimeUp within 5 s before, error 30 s after it, the next status tick
        // within nodeStatusUpdateFrequency (10 s), the write 5 ms
        assertTrue(posted >= SimTime.seconds(25) && posted <= SimTime.seconds(40) + SimTime.millis(5), "posted " + posted);
        assertTrue(events(r, "NodeReadyUnknown").isEmpty(), "heartbeats go on: never Unknown");
        assertEquals(List.of("node.kubernetes.io/not-ready:NoSchedule", NOT_READY_NO_EXECUTE), taintsAdded(r, "node-1"));
        NodeRecord n = node(r, "node-1");
        assertEquals(SimTime.NEVER, n.unknownAt());
        assertTrue(n.noExecuteTaintAt() > readyFalseAt(r, "node-1"));
        PodRecord web = podOf(r, "web", "node-1");
        assertEquals(SimTime.NEVER, web.notReadyAt(), "MarkPodsNotReady runs only on a True -> not True transition the controller writes");
        long tolerated = web.deletedAt() - n.noExecuteTaintAt();
        assertTrue(tolerated >= SimTime.seconds(300) && tolerated <= SimTime.seconds(301), "not-ready toleration 300 s: " + tolerated);
        assertTrue(web.falseEviction(), "the containers were still running");
        assertEquals(SimTime.NEVER, pod(r, "agent-node-1").deletedAt(), "DaemonSet pods tolerate not-ready NoExecute");
    }

    @Test
    void runtimeBack_readyAtTheNextTick_theKubeletConfirmsItsDeletedPods() {
        long down = SimTime.MINUTE * 8;
        var s = scenario().pool("node", 3, "a").deployment("web", 3)
                .fault("RuntimeDown", AT, down, nodes("node-1")).duration(SimTime.MINUTE * 12).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        RunResult r = sim.run();
        NodeRecord n = node(r, "node-1");
        long back = n.readyAgainAt() - (AT + down);
        assertTrue(back >= 0 && back <= SimTime.seconds(15) + SimTime.millis(5), "a check within 5 s, a tick within 10 s: " + back);
        PodRecord web = podOf(r, "web", "node-1");
        assertTrue(web.deletedAt() < AT + down);
        int p = indexOf(sim, web.pod());
        assertEquals(n.readyAgainAt(), sim.cluster().pods().goneAt(p), "Terminating until the runtime can kill it");
        assertTrue(taintsRemovedAfter(r, "node-1", n.readyAgainAt()));
    }

    @Test
    void plegUnhealthy_readyFalseThreeMinutesAfterTheLastRelist() {
        var s = scenario().pool("node", 3, "a").deployment("web", 3)
                .fault("RuntimeDown", AT, SimTime.NEVER, nodes("node-1"), Map.of("cause", "PLEGUnhealthy"))
                .duration(SimTime.MINUTE * 6).build();
        long posted = readyFalseAt(ClusterSimulation.run(s, 0, true), "node-1") - AT;
        assertTrue(posted >= SimTime.seconds(179) && posted <= SimTime.seconds(190) + SimTime.millis(5), "posted " + posted);
    }

    @Test
    void shortOutage_underTheThreshold_neverPostsFalse() {
        var s = scenario().pool("node", 3, "a").deployment("web", 3)
                .fault("RuntimeDown", AT, SimTime.seconds(20), nodes("node-1")).duration(SimTime.MINUTE * 5).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        assertTrue(events(r, "NodeReadyFalse").isEmpty());
        assertTrue(taintsAdded(r, "node-1").isEmpty());
    }

    /** 1.12's processNoTaintBaseEviction, case ConditionFalse: readyTransitionTimestamp + pod-eviction-timeout. */
    @Test
    void legacyPath_readyFalse_evictsAfterTheTimeoutFromTheTransition_notFromTheProbe() {
        var s = scenario().version("1.12").deployment("web", 10).daemonSet("agent")
                .fault("RuntimeDown", AT, SimTime.NEVER, nodes("node-3")).duration(SimTime.MINUTE * 9).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        RunResult r = sim.run();
        long seenFalse = readyFalseAt(r, "node-3");
        long deleted = podOf(r, "web", "node-3").deletedAt();
        long after = deleted - seenFalse;
        // the transition is stamped at the first pass that sees the post (≤ 5 s + 20 ms + watch), the
        // eviction at the first pass strictly after 300 s, the queue tick ≤ 100 ms
        assertTrue(after > SimTime.seconds(300) && after <= SimTime.seconds(311), "after the False post " + after);
        assertTrue(sim.nodeLifecycle().probeTimestamp(sim.cluster().nodeIndex("node-3")) > deleted - SimTime.seconds(15),
                "heartbeats keep the probe fresh: the Unknown branch would never fire");
        assertEquals(SimTime.NEVER, pod(r, "agent-node-3").deletedAt(), "DeletePods skips DaemonSet pods");
        assertEquals(SimTime.NEVER, node(r, "node-3").noExecuteTaintAt(), "no taints on the legacy path");
    }

    /**
     * The out-of-service taint evicts the DaemonSet pod too (it has no toleration for it); pod GC
     * force-deletes it (node not Ready + taint); once the taint is removed and the node is Ready,
     * the DaemonSet controller creates a new pod there.
     */
    @Test
    void daemonSetPod_deletedByOutOfService_isRecreated_whenTheNodeIsBack() {
        long oos = AT + SimTime.MINUTE;
        var s = scenario().pool("node", 3, "a").deployment("web", 3).daemonSet("agent")
                .fault("RuntimeDown", AT, SimTime.MINUTE * 5, nodes("node-1"))
                .fault("OutOfServiceTaint", oos, SimTime.MINUTE * 6, nodes("node-1"))
                .duration(SimTime.MINUTE * 12).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        PodRecord agent = pod(r, "agent-node-1");
        assertTrue(agent.deletedAt() >= oos && agent.deletedAt() < oos + SimTime.seconds(1), "evicted at once: " + agent.deletedAt());
        assertEquals("node-1", agent.replacementNode());
        long taintGone = oos + SimTime.MINUTE * 6;
        assertTrue(agent.replacementCreatedAt() > taintGone, "not before the taint is removed");
        assertTrue(agent.replacementCreatedAt() < taintGone + SimTime.seconds(1));
        assertTrue(agent.replacementReadyAt() > agent.replacementScheduledAt());
        List<EventRecord> gc = events(r, "PodDeleted").stream()
                .filter(e -> e.object().equals("agent-node-1")).toList();
        assertFalse(gc.isEmpty());
    }

    private static int indexOf(ClusterSimulation sim, String pod) {
        var pods = sim.cluster().pods();
        for (int p = 0; p < pods.count(); p++) {
            if (pods.name(p).equals(pod)) {
                return p;
            }
        }
        throw new AssertionError("no pod " + pod);
    }

    private static boolean taintsRemovedAfter(RunResult r, String node, long t) {
        return events(r, "TaintRemoved").stream().filter(e -> e.object().equals(node)).allMatch(e -> e.time() > t)
                && !events(r, "TaintRemoved").isEmpty();
    }

    /**
     * A node whose runtime is down (Ready=False posted) and that then crashes goes Unknown once
     * node-monitor-grace-period passes without a heartbeat ({@code tryUpdateNodeHealth}: the condition
     * existed, so its reason becomes NodeStatusUnknown); events.csv shows that step with the probe
     * timestamp, as it does for True → Unknown.
     */
    @Test
    void readyFalseThenSilent_goesUnknownAndEventsShowIt() {
        long crash = AT + SimTime.MINUTE * 2;
        var s = scenario().pool("node", 3, "a").deployment("web", 3)
                .fault("RuntimeDown", AT, SimTime.NEVER, nodes("node-1")).crash(crash, "node-1")
                .duration(SimTime.MINUTE * 6).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        assertTrue(readyFalseAt(r, "node-1") < crash);
        List<EventRecord> unknown = events(r, "NodeReadyUnknown").stream().filter(e -> e.object().equals("node-1"))
                .toList();
        assertEquals(1, unknown.size(), unknown.toString());
        assertEquals(node(r, "node-1").unknownAt(), unknown.get(0).time());
        assertTrue(unknown.get(0).detail().startsWith("NodeStatusUnknown probeTimestamp="), unknown.get(0).detail());
        // the last heartbeat came before the crash, and grace (50 s in 1.35) passed after it
        long probe = new java.math.BigDecimal(unknown.get(0).detail().substring("NodeStatusUnknown probeTimestamp=".length()))
                .movePointRight(6).longValueExact();
        assertTrue(probe <= crash && unknown.get(0).time() - probe > SimTime.seconds(50), unknown.get(0).toString());
    }
}
