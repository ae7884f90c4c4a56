package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.podsOn;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.RemediationSpec;
import io.nodesim.workloads.PodGarbageCollector;
import org.junit.jupiter.api.Test;

/**
 * NodeTerminated through the cloud node lifecycle controller
 * ({@code k8s.io/cloud-provider/controllers/nodelifecycle} {@code MonitorNodes}: only NotReady nodes
 * are checked against the cloud) and pod GC's orphan rule ({@code pkg/controller/podgc/gc_controller.go}
 * {@code gcOrphaned}: 40 s quarantine after the Node is gone); and {@code spec.remediation}.
 */
class NodeTerminatedAndRemediationTest {
    private static final long AT = SimTime.seconds(100);
    private static final long WATCH = SimTime.millis(50);

    private static PodRecord statefulPodOn(RunResult r, String node) {
        return podsOn(r, node).stream().filter(p -> p.workload().equals("db")).findFirst()
                .orElseThrow(() -> new AssertionError("no db pod on " + node));
    }

    private static EventRecord nodeFault(RunResult r, String node, String prefix) {
        return events(r, "NodeFault").stream().filter(e -> e.object().equals(node) && e.detail().startsWith(prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " on " + node));
    }

    @Test
    void terminated_nodeDeletedAtTheFirstCloudCheckAfterUnknown_podsForceDeletedAfterQuarantine_statefulSetMoves() {
        var s = scenario().pool("node", 3, "a").statefulSet("db", 3, false)
                .fault("NodeTerminated", AT, SimTime.NEVER, nodes("node-1")).duration(SimTime.MINUTE * 6).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        NodeRecord n = node(r, "node-1");
        long deleted = nodeFault(r, "node-1", "DeletingNode").time();
        long afterUnknown = deleted - n.unknownAt();
        assertTrue(afterUnknown > WATCH && afterUnknown <= SimTime.seconds(5) + WATCH,
                "Ready=True nodes are skipped: the first pass after Unknown reached the informer, " + afterUnknown);
        PodRecord db = statefulPodOn(r, "node-1");
        long quarantined = db.deletedAt() - deleted;
        assertTrue(quarantined >= PodGarbageCollector.QUARANTINE + WATCH
                && quarantined <= PodGarbageCollector.QUARANTINE + PodGarbageCollector.PERIOD + WATCH,
                "gcOrphaned after the 40 s quarantine: " + quarantined);
        assertTrue(db.deletedAt() < AT + SimTime.seconds(300), "long before the unreachable toleration");
        assertEquals(db.pod(), db.replacementPod(), "the StatefulSet creates the same name again");
        assertNotEquals("node-1", db.replacementNode());
        assertTrue(db.replacementReadyAt() > db.deletedAt());
    }

    @Test
    void cloudMonitorPeriod_isASetting_thatBoundsTheDeletionAfterUnknown() {
        var s = scenario().pool("node", 3, "a").statefulSet("db", 3, false).cloudMonitorPeriod(SimTime.MINUTE)
                .fault("NodeTerminated", AT, SimTime.NEVER, nodes("node-1")).duration(SimTime.MINUTE * 6).build();
        long worst = 0;
        for (int k = 0; k < 10; k++) {
            RunResult r = ClusterSimulation.run(s, k, true);
            long after = nodeFault(r, "node-1", "DeletingNode").time() - node(r, "node-1").unknownAt();
            assertTrue(after > WATCH && after <= SimTime.MINUTE + WATCH, "run " + k + ": " + after);
            worst = Math.max(worst, after);
        }
        assertTrue(worst > SimTime.seconds(10), "the period shows: " + worst);
    }

    @Test
    void aCrashedNodeWhoseInstanceExists_isNeverDeletedByTheCloudController() {
        var s = scenario().pool("node", 3, "a").statefulSet("db", 3, false).crash(AT, "node-1")
                .duration(SimTime.MINUTE * 6).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        assertTrue(events(r, "NodeFault").stream().noneMatch(e -> e.detail().startsWith("DeletingNode")));
        assertEquals(SimTime.NEVER, statefulPodOn(r, "node-1").replacementCreatedAt(), "stuck without an operator");
    }

    @Test
    void remediation_outOfServiceTaint_afterNotReadyForAndTheDelay_movesTheStatefulSetPod() {
        var s = scenario().pool("node", 3, "a").statefulSet("db", 3, false).crash(AT, "node-1")
                .remediation(SimTime.MINUTE, DurationDistribution.constant(SimTime.MINUTE * 2),
                        RemediationSpec.OUT_OF_SERVICE_TAINT)
                .duration(SimTime.MINUTE * 10).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        long unknown = node(r, "node-1").unknownAt();
        long tainted = nodeFault(r, "node-1", "remediation: OutOfServiceTaint").time();
        assertEquals(unknown + WATCH + SimTime.MINUTE * 3, tainted);
        PodRecord db = statefulPodOn(r, "node-1");
        assertEquals(tainted + WATCH, db.deletedAt(), "the out-of-service taint is not tolerated: deleted once seen");
        long recreated = db.replacementCreatedAt() - tainted;
        assertTrue(recreated > 0 && recreated <= PodGarbageCollector.PERIOD + WATCH + SimTime.seconds(1),
                "pod GC's gcTerminating at its next pass, then the StatefulSet: " + recreated);
    }

    @Test
    void remediation_deleteNode_thenPodGcQuarantine() {
        var s = scenario().pool("node", 3, "a").statefulSet("db", 3, false).crash(AT, "node-1")
                .remediation(0, DurationDistribution.constant(SimTime.seconds(30)), RemediationSpec.DELETE_NODE)
                .duration(SimTime.MINUTE * 6).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        long deleted = nodeFault(r, "node-1", "remediation: DeleteNode").time();
        assertEquals(node(r, "node-1").unknownAt() + WATCH + SimTime.seconds(30), deleted);
        long quarantined = statefulPodOn(r, "node-1").deletedAt() - deleted;
        assertTrue(quarantined >= PodGarbageCollector.QUARANTINE
                && quarantined <= PodGarbageCollector.QUARANTINE + PodGarbageCollector.PERIOD + WATCH, "" + quarantined);
    }

    @Test
    void remediation_nodeBackBeforeTheAction_doesNothing_andTheTaintGoesWhenReady() {
        var s = scenario().pool("node", 3, "a").statefulSet("db", 3, false)
                .fault("NodeCrash", AT, SimTime.MINUTE * 2, nodes("node-1"))
                .fault("NodeCrash", AT + SimTime.MINUTE * 5, SimTime.MINUTE * 2, nodes("node-2"))
                .remediation(SimTime.seconds(30), DurationDistribution.constant(SimTime.MINUTE * 5),
                        RemediationSpec.OUT_OF_SERVICE_TAINT)
                .duration(SimTime.MINUTE * 20).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        assertTrue(events(r, "NodeFault").stream().noneMatch(e -> e.detail().startsWith("remediation")),
                "both nodes were back within notReadyFor + delay");
        var s2 = scenario().pool("node", 3, "a").statefulSet("db", 3, false)
                .fault("NodeCrash", AT, SimTime.MINUTE * 4, nodes("node-1"))
                .remediation(0, DurationDistribution.constant(SimTime.MINUTE), RemediationSpec.OUT_OF_SERVICE_TAINT)
                .duration(SimTime.MINUTE * 10).build();
        RunResult r2 = ClusterSimulation.run(s2, 0, true);
        long ready = node(r2, "node-1").readyAgainAt();
        assertTrue(events(r2, "TaintRemoved").stream().anyMatch(e -> e.object().equals("node-1")
                && e.detail().startsWith("node.kubernetes.io/out-of-service") && e.time() == ready + WATCH));
    }
}
