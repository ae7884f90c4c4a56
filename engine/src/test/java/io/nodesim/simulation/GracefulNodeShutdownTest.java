package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.pod;
import static io.nodesim.simulation.SimAssertions.podOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GracefulNodeShutdown through the kubelet's node shutdown manager
 * ({@code pkg/kubelet/nodeshutdown/nodeshutdown_manager_linux.go} {@code processShutdownEvent}):
 * Ready=False at once, pods terminated by priority group and marked Failed, replaced then.
 */
class GracefulNodeShutdownTest {
    private static final long AT = SimTime.seconds(100);
    private static final String BY_PRIORITY =
            "    shutdownGracePeriodByPodPriority:\n      - {priority: 0, shutdownGracePeriodSeconds: 5}";

    @TempDir
    Path dir;

    private Scenario load(String version, String kubelet, String fault) throws IOException {
        String text = """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                metadata: {name: shutdown}
                spec:
                  kubernetesVersion: "%s"
                  duration: 12m
                  kubelet:
                %s
                  latencies: {watch: constant(50ms), monitorPass: constant(20ms), leaseRenewal: constant(5ms),
                              statusUpdate: constant(5ms), controller: constant(0s), schedulingCycle: constant(0s),
                              binding: constant(0s)}
                  startup:
                    default: {imagePull: constant(0s), containerStart: constant(0s)}
                  nodes:
                    - pool: node
                      count: 3
                      zones: [a]
                  workloads:
                    - apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: web}
                      spec:
                        replicas: 3
                        selector: {matchLabels: {app: web}}
                        template:
                          metadata: {labels: {app: web}}
                          spec:
                            containers: [{name: web, image: web:1, resources: {requests: {cpu: 100m}}}]
                    - apiVersion: apps/v1
                      kind: DaemonSet
                      metadata: {name: agent}
                      spec:
                        selector: {matchLabels: {app: agent}}
                        template:
                          metadata: {labels: {app: agent}}
                          spec:
                            priorityClassName: system-node-critical
                            containers: [{name: agent, image: agent:1}]
                  faults:
                    - type: GracefulNodeShutdown
                      at: 100s
                      nodes: [node-1]
                %s
                """.formatted(version, kubelet, fault);
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return ScenarioLoader.load(f);
    }

    private static EventRecord first(RunResult r, String kind, String object) {
        return events(r, kind).stream().filter(e -> e.object().equals(object)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " for " + object));
    }

    @Test
    void shutdown_readyFalseAtOnce_defaultPodsFirst_thenCriticalPods_failedAndReplacedThen() throws IOException {
        RunResult r = ClusterSimulation.run(load("1.35",
                "    shutdownGracePeriod: 30s\n    shutdownGracePeriodCriticalPods: 10s", ""), 0, true);
        EventRecord notReady = first(r, "NodeReadyFalse", "node-1");
        assertEquals(AT + SimTime.millis(5), notReady.time(), "syncNodeStatus at once, one status write");
        assertEquals("KubeletNotReady node is shutting down", notReady.detail());
        PodRecord web = podOf(r, "web", "node-1");
        assertEquals(AT + SimTime.seconds(20), web.notReadyAt(), "min(terminationGracePeriodSeconds 30, group 30 - 10)");
        assertEquals(AT + SimTime.seconds(20), first(r, "PodFailed", web.pod()).time());
        assertEquals(AT + SimTime.seconds(30), first(r, "PodFailed", "agent-node-1").time(), "critical group after");
        assertEquals(AT + SimTime.seconds(20) + SimTime.millis(50), web.replacementCreatedAt(),
                "the ReplicaSet sees the Failed pod one watch later, not after tolerationSeconds");
        assertNotEquals("node-1", web.replacementNode());
        assertTrue(events(r, "NodeFault").stream().anyMatch(e -> e.time() == AT + SimTime.seconds(30)
                && e.detail().startsWith("powered off")), "powers off after the last group");
        assertTrue(web.deletedAt() > AT + SimTime.seconds(300), "the Failed object goes with the taint eviction");
    }

    @Test
    void podExit_shorterThanTheGrace_nextGroupStartsWhenTheLastPodIsDone() throws IOException {
        RunResult r = ClusterSimulation.run(load("1.35",
                "    shutdownGracePeriod: 30s\n    shutdownGracePeriodCriticalPods: 10s",
                "      podExit: constant(2s)"), 0, true);
        assertEquals(AT + SimTime.seconds(2), podOf(r, "web", "node-1").notReadyAt());
        assertEquals(AT + SimTime.seconds(4), first(r, "PodFailed", "agent-node-1").time());
    }

    @Test
    void byPodPriority_groupsByThePodsPriority() throws IOException {
        RunResult r = ClusterSimulation.run(load("1.35", BY_PRIORITY
                + "\n      - {priority: 2000001000, shutdownGracePeriodSeconds: 7}", ""), 0, true);
        assertEquals(AT + SimTime.seconds(5), podOf(r, "web", "node-1").notReadyAt());
        assertEquals(AT + SimTime.seconds(12), first(r, "PodFailed", "agent-node-1").time());
    }

    @Test
    void bothPeriodsZero_theDefault_isACrash() throws IOException {
        RunResult r = ClusterSimulation.run(load("1.35", "    {}", ""), 0, true);
        assertTrue(events(r, "NodeReadyFalse").isEmpty());
        assertTrue(events(r, "PodFailed").isEmpty());
        assertTrue(node(r, "node-1").unknownAt() > AT);
        PodRecord web = podOf(r, "web", "node-1");
        assertTrue(web.replacementCreatedAt() > AT + SimTime.seconds(300), "replaced only after the toleration");
        assertEquals(SimTime.NEVER, pod(r, "agent-node-1").deletedAt());
    }

    @Test
    void statefulSetPod_failedByTheShutdown_isDeletedAndCreatedAgainElsewhere_atOnce() {
        var s = io.nodesim.testing.ScenarioFixture.scenario().pool("node", 3, "a").statefulSet("db", 3, false)
                .shutdownGracePeriods(SimTime.seconds(30), SimTime.seconds(10))
                .fault("GracefulNodeShutdown", AT, SimTime.MINUTE * 5, io.nodesim.testing.ScenarioFixture.nodes("node-1"))
                .duration(SimTime.MINUTE * 8).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        PodRecord db = podOf(r, "db", "node-1");
        long failed = first(r, "PodFailed", db.pod()).time();
        assertEquals(AT + SimTime.seconds(20), failed, "default terminationGracePeriodSeconds 30 > the group's 20 s");
        assertEquals(failed + SimTime.millis(50), db.deletedAt(), "the StatefulSet deletes the Failed pod");
        assertEquals(db.deletedAt(), db.replacementCreatedAt(), "its object is gone at once: same name again");
        assertNotEquals("node-1", db.replacementNode());
    }

    @Test
    void nodeRecover_afterAGracefulShutdown_bootsAReadyKubelet() {
        var s = io.nodesim.testing.ScenarioFixture.scenario().pool("node", 3, "a").deployment("web", 3)
                .shutdownGracePeriods(SimTime.seconds(30), 0)
                .fault("GracefulNodeShutdown", AT, SimTime.NEVER, io.nodesim.testing.ScenarioFixture.nodes("node-1"))
                .fault("NodeRecover", AT + SimTime.MINUTE * 2, SimTime.NEVER, io.nodesim.testing.ScenarioFixture.nodes("node-1"))
                .duration(SimTime.MINUTE * 5).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        assertEquals(AT + SimTime.MINUTE * 2 + SimTime.millis(5), node(r, "node-1").readyAgainAt());
    }

    @Test
    void kubeletValidation_asTheKubeletChecksIt() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load("1.35",
                "    shutdownGracePeriod: 10s\n    shutdownGracePeriodCriticalPods: 20s", ""));
        assertEquals("kubelet.shutdownGracePeriodCriticalPods", e.path());
        assertTrue(e.getMessage().contains("shutdownGracePeriodCriticalPods 20s must be <= shutdownGracePeriod 10s"),
                e.getMessage());
        e = assertThrows(ScenarioException.class, () -> load("1.35", "    shutdownGracePeriod: 500ms", ""));
        assertTrue(e.getMessage().contains("must be either zero or otherwise >= 1 sec"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> load("1.20", "    shutdownGracePeriod: 30s", ""));
        assertTrue(e.getMessage().contains("requires feature gate GracefulNodeShutdown"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> load("1.23", BY_PRIORITY, ""));
        assertTrue(e.getMessage().contains("GracefulNodeShutdownBasedOnPodPriority"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> load("1.35", "    shutdownGracePeriod: 30s\n" + BY_PRIORITY, ""));
        assertTrue(e.getMessage().contains("cannot specify both"), e.getMessage());
        assertTrue(e.line() > 0);
    }
}
