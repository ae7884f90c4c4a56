package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.deletedAtOrNever;
import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.pod;
import static io.nodesim.simulation.SimAssertions.podOf;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Ready=False cases of pkg/controller/nodelifecycle/node_lifecycle_controller_test.go (and of
 * the 1.12-era TestMonitorNodeStatusEvictPods), with the fixture of
 * {@link UpstreamNodeLifecycleCasesTest} (passes P + ε = 5.02 s apart, watch 50 ms). A kubelet
 * posting Ready=False is the RuntimeDown fault; a condition going Unknown → False is a
 * NetworkPartition that heals while the runtime is still down, False → Unknown a partition of a
 * node whose runtime is down.
 *
 * <p>Not expressible, so not ported:
 * <ul>
 * <li>TestMonitorNodeHealthUpdateNodeAndPodStatusWithLease, "Node created long time ago, with
 * status updated by kubelet recently. Node lease is expired." and "Node created long time ago,
 * without status. Node lease is renewed recently.": every modelled kubelet fault (NodeCrash,
 * KubeletStop, NetworkPartition, HeartbeatDelay) stops or delays the Lease and the NodeStatus
 * together, and a node without status never renews its Lease; there is no kubelet that renews
 * only one of them.</li>
 * <li>TestApplyNoExecuteTaints, node3 ("NotReady Taint ... should not be applied ... if the
 * NodeCondition Type NodeReady has been set to nil" between enqueueing and tainting): a kubelet
 * never posts a status without a Ready condition; the analogous case that is modelled, Ready=True
 * again before the tainting worker gets a token, is
 * {@link #applyNoExecuteTaintsEnqueueTwice_nodeHealthyWhileQueued_neverTainted_queueNotStuck}.</li>
 * <li>TestMonitorNodeHealthMarkPodsNotReadyRetry, "unsuccessful pod list, retry required": the
 * informer's pod lister cannot fail here.</li>
 * </ul>
 */
class UpstreamNotReadyCasesTest {
    private static final long AT = SimTime.seconds(100);
    private static final long WATCH = SimTime.millis(50);
    private static final long STEP = SimTime.seconds(5) + SimTime.millis(20);
    private static final String NOT_READY_NO_EXECUTE = "node.kubernetes.io/not-ready:NoExecute";
    private static final String NOT_READY_NO_SCHEDULE = "node.kubernetes.io/not-ready:NoSchedule";
    private static final String UNREACHABLE_NO_EXECUTE = "node.kubernetes.io/unreachable:NoExecute";
    private static final String UNREACHABLE_NO_SCHEDULE = "node.kubernetes.io/unreachable:NoSchedule";

    private static List<EventRecord> on(RunResult r, String kind, String node) {
        return events(r, kind).stream().filter(e -> e.object().equals(node)).toList();
    }

    private static long first(RunResult r, String kind, String node, String detail) {
        return on(r, kind, node).stream().filter(e -> e.detail().equals(detail)).findFirst().map(EventRecord::time)
                .orElseThrow(() -> new AssertionError("no " + kind + " " + detail + " on " + node + ": " + r.events()));
    }

    private static long readyFalseAt(RunResult r, String node) {
        return on(r, "NodeReadyFalse", node).get(0).time();
    }

    private static void assertWithin(long from, long to, long t, String what) {
        assertTrue(t > from && t <= to, what + ": " + SimTime.formatSeconds(t) + " not in (" + SimTime.formatSeconds(from)
                + ", " + SimTime.formatSeconds(to) + "]");
    }

    /**
     * TestApplyNoExecuteTaints, node2 ("NotReady Taint with NoExecute effect should be applied to
     * this node", then "Make node healthy again": "We should not see any taint on the node") and
     * TestTaintsNodeByCondition "Ready is false": a Ready=False node gets the not-ready NoSchedule
     * taint on the node update event and the not-ready NoExecute taint from the pass that sees the
     * post (the bucket being full), never an unreachable one; Ready=True again removes both, and no
     * taint is left.
     */
    @Test
    void applyNoExecuteTaints_readyFalseNode_getsNotReadyTaints_allRemovedWhenHealthy() {
        RunResult r = ClusterSimulation.run(scenario().deployment("web", 10)
                .fault("RuntimeDown", AT, SimTime.seconds(120), nodes("node-3")).duration(SimTime.seconds(400)).build(), 0, true);
        long posted = readyFalseAt(r, "node-3");
        assertEquals(List.of(NOT_READY_NO_SCHEDULE, NOT_READY_NO_EXECUTE),
                on(r, "TaintAdded", "node-3").stream().map(EventRecord::detail).toList());
        assertEquals(posted + WATCH, first(r, "TaintAdded", "node-3", NOT_READY_NO_SCHEDULE));
        assertWithin(posted + WATCH, posted + WATCH + STEP + SimTime.millis(100),
                first(r, "TaintAdded", "node-3", NOT_READY_NO_EXECUTE), "not-ready NoExecute by the next pass");
        assertTrue(on(r, "NodeReadyUnknown", "node-3").isEmpty());
        long ready = node(r, "node-3").readyAgainAt();
        assertEquals(ready + WATCH, first(r, "TaintRemoved", "node-3", NOT_READY_NO_SCHEDULE));
        assertWithin(ready + WATCH, ready + WATCH + STEP, first(r, "TaintRemoved", "node-3", NOT_READY_NO_EXECUTE),
                "markNodeAsReachable at the next pass");
        assertEquals(2, on(r, "TaintRemoved", "node-3").size(), "no taint left on the node");
    }

    /**
     * TestSwapUnreachableNotReadyTaints: node0 Unknown carries the unreachable NoExecute taint;
     * its kubelet then posts Ready=False, and the next monitorNodeHealth swaps it for not-ready
     * NoExecute "straight away" (SwapNodeControllerTaint, one PATCH), not through the tainting
     * queue: with node-eviction-rate 0.001 the bucket has no token for 1000 s after the first taint.
     * The pod's deletion, scheduled when the unreachable taint was seen, is not moved: both taints
     * have the admission's 300 s toleration and the taint-eviction controller keeps the earlier
     * schedule.
     */
    @Test
    void swapUnreachableNotReadyTaints_unknownThenFalse_swappedAtTheNextPass_notQueued() {
        for (String version : new String[] {"1.31", "1.35"}) {
            RunResult r = ClusterSimulation.run(scenario().version(version).evictionRates(0.001, 0.001)
                    .pool("node", 3, "a").deployment("web", 3)
                    .fault("NetworkPartition", AT, SimTime.seconds(150), nodes("node-1"))
                    .fault("RuntimeDown", AT, SimTime.NEVER, nodes("node-1")).duration(SimTime.seconds(500)).build(), 0, true);
            long unreachable = first(r, "TaintAdded", "node-1", UNREACHABLE_NO_EXECUTE);
            long posted = readyFalseAt(r, "node-1");
            assertTrue(posted > AT + SimTime.seconds(150), version + ": False posted once the partition healed");
            long swapped = first(r, "TaintAdded", "node-1", NOT_READY_NO_EXECUTE);
            assertEquals(swapped, first(r, "TaintRemoved", "node-1", UNREACHABLE_NO_EXECUTE), version + ": one swap");
            assertWithin(posted + WATCH, posted + WATCH + STEP, swapped, version + ": swapped by the first pass after the post");
            assertEquals(posted + WATCH, first(r, "TaintAdded", "node-1", NOT_READY_NO_SCHEDULE), version);
            assertEquals(posted + WATCH, first(r, "TaintRemoved", "node-1", UNREACHABLE_NO_SCHEDULE), version);
            assertEquals(unreachable + WATCH + SimTime.seconds(300), podOf(r, "web", "node-1").deletedAt(),
                    version + ": deletion kept from the unreachable taint");
        }
    }

    /**
     * TestSwapUnreachableNotReadyTaints the other way (processTaintBaseEviction case
     * ConditionUnknown: "We want to update the taint straight away if Node is already tainted with
     * the NotReadyTaint"): a Ready=False node with not-ready NoExecute is partitioned; the
     * controller writes Unknown (the NoSchedule swap follows one watch delay later). Up to 1.33 the
     * pass decides on the condition it observed (still False) and swaps at the next pass; from 1.34
     * on the current condition (Unknown) in the same pass.
     */
    @Test
    void swapUnreachableNotReadyTaints_falseThenUnknown_swapInThePassByVersion() {
        for (String version : new String[] {"1.31", "1.35"}) {
            RunResult r = ClusterSimulation.run(scenario().version(version).evictionRates(0.001, 0.001)
                    .pool("node", 3, "a").deployment("web", 3)
                    .fault("RuntimeDown", AT, SimTime.NEVER, nodes("node-1"))
                    .fault("NetworkPartition", SimTime.seconds(200), SimTime.NEVER, nodes("node-1"))
                    .duration(SimTime.seconds(400)).build(), 0, true);
            long unknownWritten = first(r, "TaintAdded", "node-1", UNREACHABLE_NO_SCHEDULE) - WATCH;
            assertEquals(unknownWritten + WATCH, first(r, "TaintRemoved", "node-1", NOT_READY_NO_SCHEDULE), version);
            long swapped = first(r, "TaintAdded", "node-1", UNREACHABLE_NO_EXECUTE);
            assertEquals(swapped, first(r, "TaintRemoved", "node-1", NOT_READY_NO_EXECUTE), version + ": one swap");
            if (version.equals("1.35")) {
                assertEquals(unknownWritten, swapped, "1.34+: in the pass that wrote Unknown");
            } else {
                assertWithin(unknownWritten + WATCH, unknownWritten + STEP + SimTime.millis(100), swapped,
                        "≤ 1.33: at the next pass, which observes the Unknown");
            }
        }
    }

    /**
     * TestApplyNoExecuteTaintsToNodesEnqueueTwice: "when processing with node0, condition.Status
     * is NodeReady ... remove the set value and queue value both, the taint job never stuck". With
     * node-eviction-rate 0.01 (a token per 100 s), node-0 (crashed at 50 s) takes the first token; node-1,
     * Ready=False meanwhile and re-queued by every pass, is Ready again before the next token and is
     * never tainted (markNodeAsReachable removes it from the queue); node-2, Ready=False after it,
     * gets not-ready NoExecute with the next token.
     */
    @Test
    void applyNoExecuteTaintsEnqueueTwice_nodeHealthyWhileQueued_neverTainted_queueNotStuck() {
        RunResult r = ClusterSimulation.run(scenario().evictionRates(0.01, 0.01).deployment("web", 10)
                .crash(SimTime.seconds(50), "node-0")
                .fault("RuntimeDown", AT, SimTime.seconds(60), nodes("node-1"))
                .fault("RuntimeDown", SimTime.seconds(150), SimTime.NEVER, nodes("node-2"))
                .duration(SimTime.seconds(400)).build(), 0, true);
        long firstToken = first(r, "TaintAdded", "node-0", UNREACHABLE_NO_EXECUTE);
        assertTrue(readyFalseAt(r, "node-1") > firstToken, "node-1 queued while the bucket had no token");
        assertTrue(node(r, "node-1").readyAgainAt() < firstToken + SimTime.seconds(100));
        assertTrue(on(r, "TaintAdded", "node-1").stream().noneMatch(e -> e.detail().endsWith(":NoExecute")),
                on(r, "TaintAdded", "node-1").toString());
        long node2 = first(r, "TaintAdded", "node-2", NOT_READY_NO_EXECUTE);
        assertWithin(firstToken + SimTime.seconds(100) - SimTime.millis(1), firstToken + SimTime.seconds(100) + SimTime.millis(100),
                node2, "node-2 tainted with the next token");
    }

    /**
     * 1.12's TestMonitorNodeStatusEvictPods (processNoTaintBaseEviction, case ConditionFalse:
     * {@code decisionTimestamp.After(readyTransitionTimestamp + podEvictionTimeout)}): "Node created
     * long time ago, and kubelet posted NotReady for a short period of time." (no eviction: Ready=False
     * for 4 min, under the 5 min timeout), "... for a long period of time." (evicted at the first
     * pass strictly after the transition + 5 min, through the zone queue) and "Pod is ds-managed, and
     * kubelet posted NotReady for a long period of time." (DeletePods skips it).
     */
    @Test
    void legacyEvictPods_readyFalse_shortPeriodKept_longPeriodEvicted_daemonSetPodKept() {
        RunResult shortFalse = ClusterSimulation.run(scenario().version("1.12").deployment("web", 10)
                .fault("RuntimeDown", AT, SimTime.MINUTE * 4, nodes("node-3")).duration(SimTime.MINUTE * 15).build(), 0, true);
        assertTrue(node(shortFalse, "node-3").readyAgainAt() - readyFalseAt(shortFalse, "node-3") < SimTime.MINUTE * 5);
        assertEquals(SimTime.NEVER, podOf(shortFalse, "web", "node-3").deletedAt(), "NotReady for a short period");

        RunResult longFalse = ClusterSimulation.run(scenario().version("1.12").deployment("web", 10).daemonSet("agent")
                .fault("RuntimeDown", AT, SimTime.NEVER, nodes("node-3")).duration(SimTime.MINUTE * 10).build(), 0, true);
        long seen = readyFalseAt(longFalse, "node-3") + WATCH;
        // the transition is stamped by the first pass after the post is seen (≤ one step later); the
        // eviction is the first pass strictly after transition + 5 min, then the 100 ms queue tick
        assertWithin(seen + SimTime.MINUTE * 5, seen + SimTime.MINUTE * 5 + 2 * STEP + SimTime.millis(100),
                podOf(longFalse, "web", "node-3").deletedAt(), "NotReady for a long period");
        assertEquals(SimTime.NEVER, pod(longFalse, "agent-node-3").deletedAt(), "ds-managed pod kept");
        assertEquals(SimTime.NEVER, deletedAtOrNever(longFalse, "agent-node-3"));
    }
}
