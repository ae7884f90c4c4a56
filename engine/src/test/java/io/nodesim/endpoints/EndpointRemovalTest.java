package io.nodesim.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.MetricRegistry;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.metrics.WorkloadRecord;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.simulation.ClusterSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a pod leaves its Service's endpoints at kube-proxy. The EndpointSlice controller
 * ({@code pkg/controller/endpointslice/endpointslice_controller.go}) sees the pod's Ready change
 * (or deletion) one watch later and queues the Service with {@code AddAfter(key,
 * endpointUpdatesBatchPeriod)}; its sync writes the slice (here {@code latencies.controller: 0s});
 * kube-proxy sees the slice one watch later and syncs as its runner allows (its first sync at once).
 * With {@code watch: constant(50ms)} a removal is {@code 100 ms + batch period} after the write.
 */
class EndpointRemovalTest {
    private static final long WATCH = SimTime.millis(50);
    private static final long CRASH = SimTime.MINUTE;

    @TempDir
    Path dir;

    private Scenario load(String kcm, String faults) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                metadata:
                  name: endpoints
                spec:
                  kubernetesVersion: "1.35"
                  duration: 10m
                  kubeControllerManager: {%s}
                  latencies: {watch: constant(50ms), controller: constant(0s)}
                  nodes:
                    - pool: w
                      count: 2
                      zones: [a]
                      allocatable: {cpu: "8", memory: 32Gi, pods: "110"}
                  workloads:
                    - apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: web}
                      spec:
                        replicas: 4
                        selector: {matchLabels: {app: web}}
                        template:
                          metadata: {labels: {app: web}}
                          spec:
                            terminationGracePeriodSeconds: 10
                            containers: [{name: c, image: nginx, resources: {requests: {cpu: 100m}}}]
                  faults:
                %s""".formatted(kcm, faults));
        return ScenarioLoader.load(f, List.of());
    }

    private static final String CRASH_W0 = """
                    - at: 1m
                      type: NodeCrash
                      nodes: [w-0]
                """;

    private static List<PodRecord> podsOn(RunResult r, String node) {
        return r.pods().stream().filter(p -> p.node().equals(node)).toList();
    }

    @Test
    void notReady_leavesTheEndpointsOneWatchOneSliceWriteAndOneProxyWatchLater() throws IOException {
        RunResult r = ClusterSimulation.run(load("", CRASH_W0), 0, false);
        List<PodRecord> dead = podsOn(r, "w-0");
        assertEquals(2, dead.size());
        for (PodRecord p : dead) {
            assertTrue(p.notReadyAt() != SimTime.NEVER);
            assertEquals(p.notReadyAt() + 2 * WATCH, p.endpointRemovedAt(), p.pod());
        }
    }

    @Test
    void deleted_leavesTheEndpointsAtTheDeletionTimestamp_notWhenTheContainersStop() throws IOException {
        RunResult r = ClusterSimulation.run(load("", """
                    - at: 1m
                      type: NodeDrain
                      nodes: [w-0]
                """), 0, false);
        List<PodRecord> drained = podsOn(r, "w-0");
        assertEquals(2, drained.size());
        for (PodRecord p : drained) {
            assertEquals(SimTime.NEVER, p.notReadyAt(), "an evicted pod is deleted, not marked not ready");
            assertEquals(p.deletedAt() + 2 * WATCH, p.endpointRemovedAt(), p.pod());
        }
        assertEquals(0, r.metrics().get(MetricRegistry.DEAD_ENDPOINT_SECONDS.name()).length,
                "a drained pod's containers run through its grace period: no traffic to a dead pod");
    }

    @Test
    void batchPeriod_delaysTheSliceWrite_andOneSyncCarriesEveryPodOfTheNode() throws IOException {
        RunResult r = ClusterSimulation.run(load("endpointslice-updates-batch-period: 5s", CRASH_W0), 0, false);
        for (PodRecord p : podsOn(r, "w-0")) {
            assertEquals(p.notReadyAt() + WATCH + SimTime.seconds(5) + WATCH, p.endpointRemovedAt(), p.pod());
        }
    }

    /**
     * dead_endpoint_seconds by hand for one crash at 60 s, 1.35 defaults: the pods are marked not
     * ready in the monitor pass that finds the lease older than node-monitor-grace-period (50 s),
     * i.e. 40–55 s after the crash (the lease is renewed every 10 s, the monitor runs every 5 s);
     * their endpoints go 100 ms later; the clients send traffic to a dead pod from 60 s until then,
     * far short of the 5-minute eviction.
     */
    @Test
    void deadEndpointSeconds_singleNodeCrash_isTheDetectionTimePlusTheEndpointPath() throws IOException {
        RunResult r = ClusterSimulation.run(load("", CRASH_W0), 0, false);
        double[] dead = r.metrics().get(MetricRegistry.DEAD_ENDPOINT_SECONDS.name());
        List<PodRecord> pods = podsOn(r, "w-0");
        double[] expected = pods.stream().mapToDouble(p -> SimTime.toSeconds(p.endpointRemovedAt() - CRASH)).toArray();
        Arrays.sort(dead);
        Arrays.sort(expected);
        assertEquals(Arrays.toString(expected), Arrays.toString(dead));
        for (PodRecord p : pods) {
            long detection = p.notReadyAt() - CRASH;
            assertTrue(detection > SimTime.seconds(40) && detection <= SimTime.seconds(55) + SimTime.millis(20),
                    "detection " + detection);
            assertTrue(p.endpointRemovedAt() < p.deletedAt(), "the endpoint goes long before the eviction");
        }
        WorkloadRecord web = r.workloads().get(0);
        assertTrue(web.endpointsUnavailableMicros() > 0);
        assertFalse(web.endpointsUnavailableMicros() > web.unavailableMicros() + 2 * WATCH,
                "endpoints follow readiness, a watch and a sync behind");
    }

    @Test
    void minSyncPeriodDefaults_zeroBefore119_oneSecondFrom119() throws IOException {
        Scenario s = load("", CRASH_W0);
        assertEquals(SimTime.SECOND, s.traffic().kubeProxyMinSyncPeriod());
        assertFalse(s.traffic().kubeProxySyncBurst(), "1.35: the runner without burst (PR #131615)");
        Path f = dir.resolve("old.yaml");
        Files.writeString(f, Files.readString(dir.resolve("s.yaml")).replace("\"1.35\"", "\"1.18\""));
        Scenario old = ScenarioLoader.load(f, List.of());
        assertEquals(0, old.traffic().kubeProxyMinSyncPeriod());
        assertTrue(old.traffic().kubeProxySyncBurst());
    }

    @Test
    void aServiceManifest_isRefused_namingItsPlace() throws IOException {
        Path f = dir.resolve("svc.yaml");
        load("", CRASH_W0);
        Files.writeString(f, Files.readString(dir.resolve("s.yaml")).replace("  faults:\n", """
                    - apiVersion: v1
                      kind: Service
                      metadata: {name: web}
                      spec: {selector: {app: web}}
                  faults:
                """));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, List.of()));
        assertTrue(e.getMessage().contains("svc.yaml:28:13") && e.getMessage().contains("workloads[1].kind")
                && e.getMessage().contains("not modelled"), e.getMessage());
    }

    /**
     * A graceful node shutdown ({@code pkg/kubelet/nodeshutdown}): the node is Ready=False at once,
     * but MarkPodsNotReady runs only on the controller's own Unknown write, so the pods stay Ready
     * until the kubelet terminates them (Failed, within min(terminationGracePeriodSeconds 10 s,
     * 30 s − 10 s)); their endpoints go two watches later, and only that propagation counts as
     * traffic to a dead pod.
     */
    @Test
    void gracefulShutdown_endpointGoesOneWatchSliceAndProxyAfterTheTermination_deadOnlyThatLong() throws IOException {
        Path f = dir.resolve("shutdown.yaml");
        load("", "");
        Files.writeString(f, Files.readString(dir.resolve("s.yaml"))
                .replace("  latencies:", "  kubelet: {shutdownGracePeriod: 30s, shutdownGracePeriodCriticalPods: 10s}\n"
                        + "  latencies:")
                .replace("  faults:\n", """
                  faults:
                    - at: 1m
                      type: GracefulNodeShutdown
                      nodes: [w-0]
                """));
        RunResult r = ClusterSimulation.run(ScenarioLoader.load(f, List.of()), 0, false);
        List<PodRecord> pods = podsOn(r, "w-0");
        assertEquals(2, pods.size());
        long terminated = CRASH + SimTime.seconds(10);
        for (PodRecord p : pods) {
            assertEquals(terminated, p.notReadyAt(), "Failed (not Ready) at the end of its grace period");
            assertEquals(terminated + 2 * WATCH, p.endpointRemovedAt(), p.pod());
        }
        assertEquals("[0.1, 0.1]", Arrays.toString(r.metrics().get(MetricRegistry.DEAD_ENDPOINT_SECONDS.name())));
    }
}
