package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ReplicaSet controller creates through its own client ({@code ClientOrDie("replicaset-controller")}
 * in cmd/kube-controller-manager/app/apps.go), limited by {@code kube-api-qps} / {@code kube-api-burst}
 * (20 / 30): past the burst, a sync's creations are one token (50 ms) apart, whatever
 * {@code slowStartBatch}'s batches (pkg/controller/replicaset/replica_set.go, {@code manageReplicas}).
 * The pods become inactive all at once through a graceful node shutdown: the kubelet marks every
 * pod of the default group Failed when the group's grace ends, and the ReplicaSet sees them together.
 */
class ReplicaSetClientLimitTest {
    private static final long FAILED_AT = SimTime.seconds(100 + 20);
    private static final long SEEN = FAILED_AT + SimTime.millis(50);
    private static final long TOKEN = SimTime.millis(50);

    @TempDir
    Path dir;

    private RunResult run(String kcm, int... replicas) throws IOException {
        return run(kcm, "", replicas);
    }

    private RunResult run(String kcm, String moreFaults, int... replicas) throws IOException {
        StringBuilder workloads = new StringBuilder();
        for (int i = 0; i < replicas.length; i++) {
            workloads.append("""
                        - apiVersion: apps/v1
                          kind: Deployment
                          metadata: {name: web%d}
                          spec:
                            replicas: %d
                            selector: {matchLabels: {app: web%d}}
                            template:
                              metadata: {labels: {app: web%d}}
                              spec:
                                containers: [{name: web, image: web:1, resources: {requests: {cpu: 10m}}}]
                    """.formatted(i, replicas[i], i, i));
        }
        String text = """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                metadata: {name: rs-client}
                spec:
                  kubernetesVersion: "1.35"
                  duration: 5m
                  kubelet: {shutdownGracePeriod: 30s, shutdownGracePeriodCriticalPods: 10s}
                  kubeControllerManager: {%s}
                  latencies: {watch: constant(50ms), monitorPass: constant(20ms), leaseRenewal: constant(5ms),
                              statusUpdate: constant(5ms), controller: constant(0s), schedulingCycle: constant(0s),
                              binding: constant(0s)}
                  startup:
                    default: {imagePull: constant(0s), containerStart: constant(0s)}
                  nodes:
                    - pool: node
                      count: 3
                      zones: [a]
                      allocatable: {cpu: "64", memory: 256Gi, pods: "300"}
                  workloads:
                %s
                  faults:
                    - type: GracefulNodeShutdown
                      at: 100s
                      nodes: [node-1]
                %s
                """.formatted(kcm, workloads, moreFaults);
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return ClusterSimulation.run(ScenarioLoader.load(f), 0, true);
    }

    /** The creation times of the replacements of node-1's pods, in order. */
    private static List<Long> creations(RunResult r) {
        List<Long> times = new ArrayList<>();
        for (PodRecord p : r.pods()) {
            if (p.node().equals("node-1") && p.workload().startsWith("web")) {
                assertTrue(p.replacementCreatedAt() != SimTime.NEVER, p.pod() + " was replaced");
                times.add(p.replacementCreatedAt());
            }
        }
        times.sort(null);
        return times;
    }

    /** 30 creations on the burst at the sync, then one each time the bucket refills a token. */
    private static List<Long> tokenTimes(int creations) {
        List<Long> expected = new ArrayList<>();
        for (int k = 0; k < creations; k++) {
            expected.add(SEEN + Math.max(0, k - 29) * TOKEN);
        }
        return expected;
    }

    @Test
    void oneSyncPastTheBurst_createsThirtyAtOnce_thenOneEvery50ms() throws IOException {
        RunResult r = run("", 150);
        List<Long> created = creations(r);
        assertTrue(created.size() > 30, "more Failed pods than the burst: " + created.size());
        assertEquals(tokenTimes(created.size()), created);
        assertEquals(created.size(), events(r, "PodCreated").size());
    }

    /**
     * With a bucket of one token, two ReplicaSets' syncs at the same instant: the first sends a
     * batch of 1, then of 2, and the second's first creation queues behind them; the first's last
     * batch (of 1) is reserved when its batch of 2 has returned, behind the second's first.
     */
    @Test
    void twoReplicaSets_shareTheControllersClient_inSlowStartBatches() throws IOException {
        RunResult r = run("kube-api-qps: 20, kube-api-burst: 1", 12, 12);
        List<List<Long>> perReplicaSet = new ArrayList<>();
        for (String w : List.of("web0", "web1")) {
            List<Long> times = new ArrayList<>();
            for (PodRecord p : r.pods()) {
                if (p.node().equals("node-1") && p.workload().equals(w)) {
                    times.add((p.replacementCreatedAt() - SEEN) / SimTime.millis(1));
                }
            }
            times.sort(null);
            perReplicaSet.add(times);
        }
        List<Long> first = List.of(0L, 50L, 100L, 200L);
        List<Long> second = List.of(150L, 250L, 300L, 350L);
        assertTrue(perReplicaSet.equals(List.of(first, second)) || perReplicaSet.equals(List.of(second, first)),
                "ms after the sync, per ReplicaSet: " + perReplicaSet);
    }

    @Test
    void aLargerBurst_createsEveryReplacementAtTheSync() throws IOException {
        List<Long> created = creations(run("kube-api-qps: 20, kube-api-burst: 500", 150));
        assertTrue(created.size() > 30);
        assertTrue(created.stream().allMatch(t -> t == SEEN), created.toString());
    }

    @Test
    void aRestart_dropsTheCreationsWaitingForATokens_theNewInstanceCreatesThemWithAFullBucket() throws IOException {
        long restart = SEEN + SimTime.millis(525);
        long downtime = SimTime.millis(200);
        List<Long> created = creations(run("leader-elect: false",
                "    - {type: ControllerManagerRestart, at: %dms, duration: 200ms}".formatted(restart / 1000), 240));
        assertTrue(created.size() > 40 + 30, "enough Failed pods to throttle the second instance too: " + created.size());
        List<Long> expected = new ArrayList<>(tokenTimes(40));
        for (int k = 0; k < created.size() - 40; k++) {
            expected.add(restart + downtime + Math.max(0, k - 29) * TOKEN);
        }
        assertEquals(expected, created, "tokens due by the restart were sent; the rest wait for the new instance");
    }

    /** A POST whose token came due during a 200 ms outage is answered when it ends; the others keep their tokens. */
    @Test
    void anApiServerOutage_holdsTheCreationsDueInIt_untilItEnds() throws IOException {
        long outage = SEEN + SimTime.millis(525);
        long end = outage + SimTime.millis(200);
        List<Long> created = creations(run("", "    - {type: ControlPlaneOutage, at: %dms, duration: 200ms}"
                .formatted(outage / 1000), 240));
        List<Long> expected = new ArrayList<>();
        for (long t : tokenTimes(created.size())) {
            expected.add(t >= outage && t < end ? end : t);
        }
        assertEquals(4, expected.stream().filter(t -> t == end).count(), "due at 550, 600, 650 and 700 ms");
        assertEquals(expected, created);
    }

    /**
     * A restart while the sent batch hangs on an outage drops it; the new instance's first sync
     * hangs too, and at the outage's end its first POST (its token reserved before) and then a burst
     * of 30 fresh tokens go out at once.
     */
    @Test
    void aRestartWhileTheBatchHangs_theNewInstancesSyncWaitsForTheOutageToo() throws IOException {
        long outage = SEEN + SimTime.millis(525);
        long end = outage + SimTime.seconds(10);
        List<Long> created = creations(run("leader-elect: false",
                "    - {type: ControlPlaneOutage, at: %dms, duration: 10s}\n    - {type: ControllerManagerRestart, at: %dms, duration: 200ms}"
                        .formatted(outage / 1000, (SEEN + SimTime.seconds(1)) / 1000), 240));
        List<Long> expected = new ArrayList<>(tokenTimes(40));
        for (int k = 0; k < created.size() - 40; k++) {
            expected.add(end + Math.max(0, k - 30) * TOKEN);
        }
        assertEquals(expected, created);
    }
}
