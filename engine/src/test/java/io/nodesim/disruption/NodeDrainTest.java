package io.nodesim.disruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.simulation.ClusterSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl drain against PodDisruptionBudgets, after staging/src/k8s.io/kubectl/pkg/drain
 * (drain.go {@code evictPods}: a 429 retried every 5 s, {@code waitForDelete} polling every
 * second; filters.go; drain_test.go TestDeleteOrEvict / TestFilterPods) and pkg/cmd/drain's
 * "drain node with pod disruption budget" behaviour.
 */
class NodeDrainTest {
    private static final long AT = SimTime.MINUTE;
    /** kubectl's round trips before the first eviction: the cordon PATCH, discovery, half the LIST (50 ms each). */
    private static final long LIST = AT + SimTime.millis(125);
    /** A 429, kubectl's 5 s sleep, the next POST: 5 s and one round trip. */
    private static final long RETRY = NodeDrainer.RETRY + SimTime.millis(50);

    @TempDir
    Path dir;

    private static String scenario(String extraWorkloads, String pdb, String drainFields) {
        return """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                metadata:
                  name: drain
                spec:
                  kubernetesVersion: "1.35"
                  duration: 15m
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
                            containers: [{name: c, image: nginx, resources: {requests: {cpu: 100m}},
                                          readinessProbe: {periodSeconds: 5}}]
                %s%s  faults:
                    - at: 1m
                      type: NodeDrain
                      nodes: [w-0]
                %s""".formatted(extraWorkloads, pdb, drainFields);
    }

    private static final String PDB_MIN_3 = """
                - apiVersion: policy/v1
                  kind: PodDisruptionBudget
                  metadata: {name: web}
                  spec:
                    minAvailable: 3
                    selector: {matchLabels: {app: web}}
            """;

    private RunResult run(String text) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return ClusterSimulation.run(ScenarioLoader.load(f, List.of()), 0, true);
    }

    private static List<EventRecord> events(RunResult r, String kind) {
        return r.events().stream().filter(e -> e.kind().equals(kind)).toList();
    }

    private static List<PodRecord> webPodsOnDrainedNode(RunResult r) {
        return r.pods().stream().filter(p -> p.node().equals("w-0") && p.workload().equals("web"))
                .sorted(Comparator.comparingLong(PodRecord::deletedAt)).toList();
    }

    /** Without a budget every pod is evicted at once; the node is drained at the first poll after the last is gone. */
    @Test
    void withoutBudget_allEvictedAtOnce_drainedAtThePollAfterTheGracePeriod() throws IOException {
        RunResult r = run(scenario("", "", ""));
        List<PodRecord> pods = webPodsOnDrainedNode(r);
        assertEquals(2, pods.size());
        pods.forEach(p -> assertEquals(LIST, p.deletedAt(), p.pod()));
        assertEquals(0, events(r, "EvictionRefused").size());
        EventRecord drained = events(r, "NodeDrained").get(0);
        // watch delay (<= 100 ms) + grace 10 s, then waitForDelete's next one-second poll
        assertEquals(LIST + 11 * SimTime.SECOND, drained.time());
        assertTrue(events(r, "NodeCordoned").stream()
                .anyMatch(e -> e.time() == AT + SimTime.millis(25) && e.object().equals("w-0")));
    }

    /**
     * minAvailable 3 of 4: the first eviction uses the one allowed disruption, the second is refused
     * with 429 and retried every 5 s until the first pod's replacement is Ready elsewhere.
     */
    @Test
    void budget_secondEvictionWaitsForTheReplacement_onTheFiveSecondRetryGrid() throws IOException {
        RunResult r = run(scenario("", PDB_MIN_3, ""));
        List<PodRecord> pods = webPodsOnDrainedNode(r);
        assertEquals(2, pods.size());
        PodRecord first = pods.get(0);
        PodRecord second = pods.get(1);
        assertEquals(LIST, first.deletedAt());
        assertEquals("w-1", first.replacementNode(), "the cordoned node gets no replacement");
        assertTrue(second.deletedAt() >= first.replacementReadyAt(), "evicted only once the replacement is Ready");
        assertTrue(second.deletedAt() - first.replacementReadyAt() < RETRY);
        assertEquals(0, (second.deletedAt() - LIST) % RETRY, "retries run every 5 s plus a round trip");
        assertTrue(events(r, "EvictionRefused").get(0).detail().contains("needs 3 healthy pods and has 3 currently"));
        EventRecord drained = events(r, "NodeDrained").get(0);
        assertEquals(0, (drained.time() - second.deletedAt()) % NodeDrainer.POLL);
        assertTrue(drained.time() - second.deletedAt() >= 10 * SimTime.SECOND);
        assertEquals(0, r.metrics().getOrDefault("false_evictions", new double[] {0})[0], 0.0);
    }

    /** --timeout: a budget that never allows a disruption fails the drain at the retry that passes the deadline. */
    @Test
    void timeout_failsTheDrainAtTheFirstRetryAfterIt() throws IOException {
        RunResult r = run(scenario("", PDB_MIN_3.replace("minAvailable: 3", "minAvailable: 4"), "      timeout: 30s\n"));
        assertTrue(events(r, "NodeDrained").isEmpty());
        EventRecord failed = events(r, "DrainFailed").get(0);
        assertEquals(LIST + 6 * RETRY, failed.time(), "the first retry at or after the 30 s timeout");
        assertTrue(failed.detail().contains("global timeout reached"), failed.detail());
        webPodsOnDrainedNode(r).forEach(p -> assertEquals(SimTime.NEVER, p.deletedAt()));
    }

    private static final String BARE_POD = """
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: solo}
                  spec:
                    nodeName: w-0
                    containers: [{name: c, image: nginx}]
            """;

    /** filters.go unreplicatedFilter: a pod without a controller stops the drain unless --force. */
    @Test
    void podWithoutController_refusesTheDrain_unlessForce() throws IOException {
        RunResult r = run(scenario(BARE_POD, "", ""));
        EventRecord failed = events(r, "DrainFailed").get(0);
        assertEquals(LIST, failed.time());
        assertEquals("cannot delete Pods declare no controller (use --force to override): solo", failed.detail());
        assertTrue(r.pods().stream().noneMatch(p -> p.deletedAt() != SimTime.NEVER));

        RunResult forced = run(scenario(BARE_POD, "", "      force: \"true\"\n"));
        assertEquals(1, events(forced, "NodeDrained").size());
    }

    /** filters.go localStorageFilter: an emptyDir pod needs --delete-emptydir-data. */
    @Test
    void emptyDirPod_refusesTheDrain_unlessDeleteEmptyDirData() throws IOException {
        String text = scenario("", "", "").replace("            terminationGracePeriodSeconds: 10\n",
                "            terminationGracePeriodSeconds: 10\n            volumes: [{name: scratch, emptyDir: {}}]\n");
        assertTrue(text.contains("emptyDir"));
        RunResult r = run(text);
        assertTrue(events(r, "DrainFailed").get(0).detail().startsWith("cannot delete Pods with local storage"));
        RunResult allowed = run(text + "      deleteEmptyDirData: \"true\"\n");
        assertEquals(1, events(allowed, "NodeDrained").size());
    }

    /** filters.go daemonSetFilter with --ignore-daemonsets: DaemonSet pods stay and do not hold the drain. */
    @Test
    void daemonSetPods_stay_andTheNodeIsDrained() throws IOException {
        String ds = """
                    - apiVersion: apps/v1
                      kind: DaemonSet
                      metadata: {name: agent}
                      spec:
                        selector: {matchLabels: {app: agent}}
                        template:
                          metadata: {labels: {app: agent}}
                          spec:
                            containers: [{name: c, image: agent}]
                """;
        RunResult r = run(scenario(ds, "", ""));
        assertEquals(1, events(r, "NodeDrained").size());
        assertTrue(r.pods().stream().filter(p -> p.workload().equals("agent"))
                .allMatch(p -> p.deletedAt() == SimTime.NEVER));
    }

    /** The end of the fault's duration uncordons the node. */
    @Test
    void endOfDuration_uncordons() throws IOException {
        RunResult r = run(scenario("", "", "      duration: 5m\n"));
        assertEquals(AT + 5 * SimTime.MINUTE, events(r, "NodeUncordoned").get(0).time());
        assertFalse(events(r, "NodeDrained").isEmpty());
    }
}
