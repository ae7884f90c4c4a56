package io.nodesim.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cases of upstream's {@code TestMarkPodsNotReady} (pkg/controller/util/node/controller_utils_test.go),
 * which counts each pod's UpdateStatus and NodeNotReady events. Here the events are counted at the
 * node lifecycle controller's broadcaster, beside the node's own NodeNotReady (RecordNodeStatusChange),
 * in a three-node 1.35 cluster. "NotFound_silently_swallowed"
 * (the pod gone between listing and write) has no fault that makes it, and
 * "Conflict_aggregated_event_still_emitted" (a failed write still has its event) is
 * {@link ControllerEventsTest#aPodWriteThatFails_stillHasItsEvent}.
 */
class UpstreamMarkPodsNotReadyEventsTest {
    @TempDir
    Path dir;

    /** A 1.35 cluster of three nodes and {@code extraNodes}, running {@code workload}; {@code crashed} crashes at 100 s. */
    private ClusterSimulation run(String extraNodes, String workload, String crashed) throws IOException {
        String text = """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                metadata: {name: mark}
                spec:
                  kubernetesVersion: "1.35"
                  duration: 10m
                  nodes:
                    - {pool: node, count: 3, zones: [a]}
                %s  workloads:
                    - %s
                  faults:
                    - {type: NodeCrash, at: 100s, nodes: [%s]}
                """.formatted(extraNodes, workload, crashed);
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        ClusterSimulation sim = new ClusterSimulation(ScenarioLoader.load(f), 0, true);
        sim.run();
        return sim;
    }

    /** "transitions_PodReady_True_to_False": one UpdateStatus, one NodeNotReady event (a bare pod on node-0). */
    @Test
    void transitions_PodReady_True_to_False() throws IOException {
        ClusterSimulation sim = run("", "{apiVersion: v1, kind: Pod, metadata: {name: p1}, "
                + "spec: {nodeName: node-0, containers: [{name: c, image: c:1}]}}", "node-0");
        assertEquals(1 + 1, sim.nodeLifecycle().events().recorded(), "the node's and the pod's");
        assertEquals(sim.nodeLifecycle().events().recorded(), sim.nodeLifecycle().events().posted());
    }

    /**
     * "already_False_short_circuits_inner_loop": a pod whose Ready condition is False already gets no
     * write and no event. The DaemonSet's pod on "late" (a node joining at 60 s) is not Ready when
     * the node crashes at 100 s (its readiness probe waits initialDelaySeconds 1000); the
     * controller's events are RegisteredNode for "late" and its NodeNotReady, none for the pod.
     */
    @Test
    void already_False_short_circuits_inner_loop() throws IOException {
        ClusterSimulation sim = run("    - {name: late, zone: a, joinAt: 60s}\n",
                "{apiVersion: apps/v1, kind: DaemonSet, metadata: {name: agent}, spec: {selector: {matchLabels: {app: agent}}, "
                        + "template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: c, image: c:1, "
                        + "readinessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: 1000}}]}}}}", "late");
        assertEquals(1 + 1, sim.nodeLifecycle().events().recorded(), "RegisteredNode and NodeNotReady for late");
    }
}
