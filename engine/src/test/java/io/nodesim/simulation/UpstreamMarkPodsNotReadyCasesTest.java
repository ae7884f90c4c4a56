package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.podOf;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.testing.ScenarioFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TestMonitorNodeHealthMarkPodsNotReadyRetry (pkg/controller/nodelifecycle/node_lifecycle_controller_test.go;
 * the retry is PR #84445, 1.17+: {@code nodesToRetry}, and monitorNodeHealth's
 * {@code case needsRetry && observedReadyCondition.Status != v1.ConditionTrue}). A failed pod
 * UpdateStatus is an API-server outage longer than the 1 min request timeout; kube-api-qps 1 /
 * burst 1 spaces the pass's writes 1 s apart so that the outage starts between the Unknown write
 * and the pod's.
 */
class UpstreamMarkPodsNotReadyCasesTest {
    private static final long CRASH = SimTime.seconds(100);
    private static final long OUTAGE = SimTime.seconds(90);

    private static ScenarioFixture crashedNode(String version) {
        return scenario().version(version).kubeApi(1, 1).pool("node", 3, "a").deployment("web", 3).crash(CRASH, "node-1");
    }

    private static List<EventRecord> podNotReady(RunResult r, String pod) {
        return events(r, "PodNotReady").stream().filter(e -> e.object().equals(pod)).toList();
    }

    /**
     * "successful pod status update, no retry required": the pass that writes Unknown marks the pod
     * (one update); when the kubelet then posts Ready=False (observed not True, nothing to retry)
     * no pass updates it again.
     */
    @Test
    void markPodsNotReadyRetry_success_noRetryWhenTheKubeletPostsFalse() {
        RunResult r = ClusterSimulation.run(scenario().pool("node", 3, "a").deployment("web", 3)
                .fault("NetworkPartition", CRASH, SimTime.seconds(150), nodes("node-1"))
                .fault("RuntimeDown", CRASH, SimTime.NEVER, nodes("node-1")).duration(SimTime.seconds(400)).build(), 0, true);
        String pod = podOf(r, "web", "node-1").pod();
        long unknown = node(r, "node-1").unknownAt();
        assertEquals(List.of(new EventRecord(unknown, "PodNotReady", pod, "node-1")), podNotReady(r, pod));
        assertTrue(events(r, "NodeReadyFalse").get(0).time() > unknown);
    }

    /**
     * "unsuccessful pod status update, retry required": the pod's UpdateStatus, sent 1 s after the
     * Unknown write into a 90 s outage, times out after 1 min; the next pass (observed Unknown,
     * node in nodesToRetry) sends it again, and this one is answered when the API server is back
     * (23.5 s later, within its timeout). Before 1.17 the request sent 1 s after the Unknown write
     * is MarkAllPodsNotReady's LIST of the node's pods (PR #81167): it times out the same way, the
     * call fails before any pod is written, and the failed marking is never retried.
     */
    @Test
    void markPodsNotReadyRetry_failedUpdate_retriedNextPass_answeredWhenTheApiServerIsBack() {
        for (String version : new String[] {"1.31", "1.16"}) {
            long unknown = node(ClusterSimulation.run(crashedNode(version).duration(SimTime.seconds(200)).build(), 0, true),
                    "node-1").unknownAt();
            long outage = unknown + SimTime.millis(500);
            RunResult r = ClusterSimulation.run(crashedNode(version)
                    .fault("ControlPlaneOutage", outage, OUTAGE, FaultTarget.all()).duration(SimTime.seconds(300)).build(), 0, true);
            assertEquals(unknown, node(r, "node-1").unknownAt(), version);
            long marked = podOf(r, "web", "node-1").notReadyAt();
            if (version.equals("1.31")) {
                assertEquals(outage + OUTAGE, marked, "retried, answered at the outage's end");
            } else {
                assertEquals(SimTime.NEVER, marked, "1.16: no nodesToRetry");
            }
        }
    }

    /**
     * The etcd-stall rule (a blocked Unknown UpdateStatus is written when the API server answers)
     * also holds when the pass is still running because one of its workers waits on another write:
     * the healthy nodes whose heartbeats the outage swallowed are written Unknown at its end, not a
     * request timeout later.
     */
    @Test
    void blockedHealthWrites_ofAStillRunningPass_answeredAtTheOutagesEnd() {
        long unknown = node(ClusterSimulation.run(crashedNode("1.31").duration(SimTime.seconds(200)).build(), 0, true),
                "node-1").unknownAt();
        long end = unknown + SimTime.millis(500) + OUTAGE;
        RunResult r = ClusterSimulation.run(crashedNode("1.31")
                .fault("ControlPlaneOutage", unknown + SimTime.millis(500), OUTAGE, FaultTarget.all())
                .duration(SimTime.seconds(300)).build(), 0, true);
        for (String healthy : new String[] {"node-0", "node-2"}) {
            List<EventRecord> written = events(r, "NodeReadyUnknown").stream().filter(e -> e.object().equals(healthy)).toList();
            assertEquals(1, written.size(), written.toString());
            assertEquals(end, written.get(0).time(), healthy);
        }
    }
}
