package io.nodesim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.simulation.ClusterSimulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that joins during the run gets its DaemonSet pods as {@code daemon_controller.go} creates
 * them ({@code NodeShouldRunDaemonPod}: a pod that tolerates the node's taints, the not-ready taint
 * of a node that has not reported Ready included), and they take the node's room before the Pending
 * pods that wait for the not-ready taint to go.
 */
class DaemonSetControllerTest {
    private static final long S = SimTime.SECOND;

    @TempDir
    Path dir;

    private static String daemonSet(String name, String cpu, String tolerations) {
        return """
                    - apiVersion: apps/v1
                      kind: DaemonSet
                      metadata: {name: %s}
                      spec:
                        selector: {matchLabels: {app: %s}}
                        template:
                          metadata: {labels: {app: %s}}
                          spec:
                            tolerations: %s
                            containers: [{name: c, image: agent, resources: {requests: {cpu: %s}}}]
                """.formatted(name, name, name, tolerations, cpu);
    }

    private RunResult run() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                metadata: {name: ds-join}
                spec:
                  kubernetesVersion: "1.35"
                  duration: 5m
                  nodes:
                    - name: old
                      allocatable: {cpu: 1050m, memory: 8Gi, pods: "110"}
                    - name: new
                      allocatable: {cpu: "1", memory: 8Gi, pods: "110"}
                      joinAt: 1m
                      kubeletReadyAfter: constant(30s)
                  workloads:
                """ + daemonSet("proxy", "300m", "[{operator: Exists}]") + daemonSet("logs", "150m", "[]") + """
                    - apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: web}
                      spec:
                        replicas: 2
                        selector: {matchLabels: {app: web}}
                        template:
                          metadata: {labels: {app: web}}
                          spec:
                            containers: [{name: c, image: nginx, resources: {requests: {cpu: 600m}}}]
                """);
        return new ClusterSimulation(ScenarioLoader.load(f), 0, true).run();
    }

    private static EventRecord first(RunResult r, String kind, String object) {
        return r.events().stream().filter(e -> e.kind().equals(kind) && e.object().equals(object)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " of " + object));
    }

    @Test
    void joinedNode_getsItsDaemonSetPods_theTolerantOneBeforeReady_theOtherOnceTheNotReadyTaintIsGone()
            throws Exception {
        RunResult r = run();
        long joined = first(r, "NodeJoined", "new").time();
        assertEquals(60 * S, joined);
        long ready = first(r, "NodeReadyTrue", "new").time();
        long untainted = r.events().stream().filter(e -> e.kind().equals("TaintRemoved") && e.object().equals("new"))
                .mapToLong(EventRecord::time).min().orElseThrow();
        EventRecord proxy = first(r, "PodCreated", "proxy-new");
        assertTrue(proxy.time() > joined && proxy.time() < joined + S, "created on the Node add: " + proxy);
        assertTrue(first(r, "PodScheduled", "proxy-new").time() < ready, "it tolerates the not-ready taint");
        EventRecord logs = first(r, "PodCreated", "logs-new");
        assertTrue(logs.time() > untainted && logs.time() < untainted + S, "created once the taint is gone: " + logs);
    }

    @Test
    void daemonSetPodsTakeTheRoom_thePendingPodWaitsAtItsFirstChance() throws Exception {
        RunResult r = run();
        // web-1 found no room on "old" (300m + 150m + 600m of 1050m taken); "new" (1000m) holds the 300m proxy
        // pod before it is Ready, so web-1 fits beside it (900m) and the 150m logs pod, arriving later, does not
        List<String> onNew = r.events().stream().filter(e -> e.kind().equals("PodScheduled")
                && e.detail().equals("new")).map(EventRecord::object).toList();
        assertEquals(List.of("proxy-new", "web-1"), onNew.subList(0, 2));
        assertTrue(r.events().stream().noneMatch(e -> e.kind().equals("PodScheduled") && e.object().equals("logs-new")),
                "the late DaemonSet pod races the pending pod for the room and loses");
    }
}
