package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.podOf;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.metrics.WorkloadRecord;
import io.nodesim.testing.ScenarioFixture;
import io.nodesim.workloads.AttachDetachController;
import io.nodesim.workloads.PodGarbageCollector;
import org.junit.jupiter.api.Test;

/** Spec §1.7–§1.9: replacements, StatefulSets, pod GC, DaemonSets, capacity, start-up. */
class WorkloadRecoveryTest {
    private static final long AT = SimTime.seconds(100);
    private static final long WATCH = SimTime.millis(50);
    private static final long CONTROLLER = SimTime.millis(10);
    private static final long CYCLE = SimTime.millis(2);
    private static final long BINDING = SimTime.millis(5);
    private static final long PULL = SimTime.seconds(3);
    private static final long START = SimTime.seconds(1);

    private static ScenarioFixture timed() {
        return scenario().workloadLatencies(CONTROLLER, CYCLE, BINDING).startup(PULL, START)
                .duration(SimTime.MINUTE * 30);
    }

    @Test
    void deploymentPod_defaultTimeline_replacementReadyOnAHealthyNode() {
        RunResult r = ClusterSimulation.run(timed().deployment("web", 10).crash(AT, "node-3").build(), 0, true);
        NodeRecord n = node(r, "node-3");
        PodRecord p = podOf(r, "web", "node-3");
        assertEquals(n.noExecuteTaintAt() + WATCH + SimTime.seconds(300), p.deletedAt(), "T_D = T_X + λ + τ");
        assertEquals(p.deletedAt() + WATCH + CONTROLLER, p.replacementCreatedAt(), "IsPodActive: replaced at once");
        assertEquals(p.replacementCreatedAt() + CYCLE + BINDING, p.replacementScheduledAt());
        assertEquals(p.replacementScheduledAt() + WATCH + PULL + START, p.replacementReadyAt());
        assertEquals("web-10", p.replacementPod());
        assertNotEquals("node-3", p.replacementNode(), "the dead node carries NoSchedule taints");
        assertEquals(1, r.metrics().get("time_to_replacement_ready").length);
        assertEquals(SimAssertions.seconds(p.replacementReadyAt() - AT), r.metrics().get("time_to_replacement_ready")[0],
                1e-9);
        double sum = 0;
        for (String phase : new String[] {"phase_detection", "phase_taint_wait", "phase_toleration_wait",
            "phase_reschedule", "phase_startup"}) {
            sum += r.metrics().get(phase)[0];
        }
        assertEquals(SimAssertions.seconds(p.replacementReadyAt() - AT), sum, 1e-9, "the phases add up");
        assertEquals(SimAssertions.seconds(p.replacementScheduledAt() - p.deletedAt()),
                r.metrics().get("phase_reschedule")[0], 1e-9);
        assertEquals(1, SimAssertions.events(r, "PodCreated").size());
        assertEquals(1, SimAssertions.events(r, "PodScheduled").size());
        assertEquals(1, SimAssertions.events(r, "PodReady").size());
    }

    @Test
    void statefulSetPod_onADeadNode_isNeverReplaced() {
        RunResult r = ClusterSimulation.run(timed().pool("node", 4, "a").statefulSet("db", 3, true)
                .crash(AT, "node-1").build(), 0, false);
        PodRecord p = r.pods().stream().filter(x -> x.workload().equals("db") && x.deletedAt() != SimTime.NEVER)
                .findFirst().orElseThrow();
        assertNull(p.replacementPod(), "the old object never goes, so db-N is never created again");
        WorkloadRecord w = r.workloads().get(0);
        assertEquals(2, w.minReady());
        assertEquals(SimTime.NEVER, w.fullyReadyAgainAt());
    }

    @Test
    void statefulSetPod_freedByTheOutOfServiceTaint_withinOnePodGcPass_volumeDetachedAtOnce() {
        long taintAt = AT + SimTime.seconds(400);
        RunResult r = ClusterSimulation.run(timed().pool("node", 4, "a").statefulSet("db", 3, true).crash(AT, "node-1")
                .fault("OutOfServiceTaint", taintAt, SimTime.NEVER, nodes("node-1")).build(), 0, false);
        PodRecord p = podOf(r, "db", "node-1");
        assertTrue(p.deletedAt() < taintAt, "the toleration had run out before the taint");
        long gone = p.replacementCreatedAt() - WATCH - CONTROLLER;
        assertTrue(gone > taintAt && gone <= taintAt + PodGarbageCollector.PERIOD + CONTROLLER + WATCH,
                "force-deleted at the next pod GC pass: " + SimAssertions.seconds(gone - taintAt));
        assertEquals(p.pod(), p.replacementPod(), "same name");
        assertEquals(p.replacementScheduledAt() + WATCH + PULL + START, p.replacementReadyAt(),
                "no 6-minute wait: the out-of-service taint lets the volume detach at once");
    }

    @Test
    void nodeDelete_podGcForceDeletesAfterTheQuarantine_thenTheRwoVolumeWaitsSixMinutes() {
        long deleteAt = AT + SimTime.seconds(30);
        RunResult r = ClusterSimulation.run(timed().pool("node", 4, "a").statefulSet("db", 3, true)
                .crash(AT, "node-1").fault("NodeDelete", deleteAt, SimTime.NEVER, nodes("node-1")).build(),
                0, false);
        PodRecord p = podOf(r, "db", "node-1");
        long seen = deleteAt + WATCH;
        assertTrue(p.deletedAt() >= seen + PodGarbageCollector.QUARANTINE
                && p.deletedAt() <= seen + PodGarbageCollector.QUARANTINE + PodGarbageCollector.PERIOD
                        + 2 * CONTROLLER, "40–60 s after the deletion was seen: " + SimAssertions.seconds(p.deletedAt() - seen));
        assertEquals(p.deletedAt() + WATCH + CONTROLLER, p.replacementCreatedAt(), "force deletion: object gone at once");
        assertEquals(p.deletedAt() + AttachDetachController.MAX_WAIT_FOR_UNMOUNT + PULL + START,
                p.replacementReadyAt(), "ContainerCreating until the force detach");
    }

    @Test
    void daemonSetPod_isNeverEvicted_andStaysUnavailable() {
        RunResult r = ClusterSimulation.run(timed().pool("node", 5, "a").daemonSet("agent").crash(AT, "node-2")
                .build(), 0, false);
        PodRecord p = SimAssertions.pod(r, "agent-node-2");
        assertEquals(SimTime.NEVER, p.deletedAt());
        assertNull(p.replacementPod());
        WorkloadRecord w = r.workloads().get(0);
        assertEquals(5, w.desired());
        assertEquals(4, w.minReady());
        assertEquals(SimTime.NEVER, w.fullyReadyAgainAt());
    }

    @Test
    void bareContainer_isNeverReplaced() {
        var placed = new ClusterSimulation(timed().pool("node", 3, "a").workload("Pod", "solo", 1).build(), 0, false);
        String node = placed.cluster().nodes().name(placed.cluster().pods().node(0));
        RunResult r = ClusterSimulation.run(timed().pool("node", 3, "a").workload("Pod", "solo", 1).crash(AT, node)
                .build(), 0, false);
        PodRecord p = SimAssertions.pod(r, "solo");
        assertNotEquals(SimTime.NEVER, p.deletedAt());
        assertNull(p.replacementPod());
    }

    @Test
    void capacityExhausted_replacementsStayPending_untilTheNodeComesBack() {
        ScenarioFixture s = timed().pool("node", 3, "a").cpu("1500m").deployment("big", 6);
        RunResult permanent = ClusterSimulation.run(s.crash(AT, "node-0").build(), 0, false);
        for (PodRecord p : SimAssertions.podsOn(permanent, "node-0")) {
            assertNotEquals(null, p.replacementPod());
            assertEquals(SimTime.NEVER, p.replacementScheduledAt(), "nothing fits: Pending");
        }
        RunResult back = ClusterSimulation.run(timed().pool("node", 3, "a").cpu("1500m").deployment("big", 6)
                .fault("NodeCrash", AT, SimTime.MINUTE * 10, nodes("node-0")).build(), 0, false);
        NodeRecord n = node(back, "node-0");
        for (PodRecord p : SimAssertions.podsOn(back, "node-0")) {
            assertTrue(p.replacementScheduledAt() > n.readyAgainAt(), "scheduled once the node is back");
            assertTrue(p.replacementScheduledAt() < n.readyAgainAt() + SimTime.seconds(2),
                    "its NoSchedule taint gone; the NoExecute one is tolerated (DefaultTolerationSeconds)");
            assertEquals("node-0", p.replacementNode());
        }
    }

    @Test
    void startup_cachedImageSkipsThePull() {
        RunResult r = ClusterSimulation.run(timed().nodeImages("app:1").deployment("web", 10).crash(AT, "node-3")
                .build(), 0, false);
        PodRecord p = podOf(r, "web", "node-3");
        assertEquals(p.replacementScheduledAt() + WATCH + START, p.replacementReadyAt());
    }

    @Test
    void startup_readinessProbe_initialDelayThenSuccessThresholdTicks() {
        RunResult r = ClusterSimulation.run(timed().readinessProbe(5, 10, 2).deployment("web", 10)
                .crash(AT, "node-3").build(), 0, false);
        PodRecord p = podOf(r, "web", "node-3");
        long workerStart = p.replacementScheduledAt() + WATCH;
        // running at +4 s; the first probe at or after +9 s is the tick at +10 s; the second success at +20 s
        assertEquals(workerStart + SimTime.seconds(20), p.replacementReadyAt());
    }

    @Test
    void startup_readinessProbeWithoutDelay_readyWhenTheContainerStarts() {
        RunResult r = ClusterSimulation.run(timed().readinessProbe(0, 10, 1).deployment("web", 10)
                .crash(AT, "node-3").build(), 0, false);
        PodRecord p = podOf(r, "web", "node-3");
        assertEquals(p.replacementScheduledAt() + WATCH + PULL + START, p.replacementReadyAt());
    }
}
