package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.controllermanager.EventSink;
import io.nodesim.controllermanager.EventSpamFilter;
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
 * Each creation that returns records {@code SuccessfulCreate} (pkg/controller/controller_utils.go,
 * {@code RealPodControl}), whose POST takes a token of the same client, one event at a time.
 * The pods become inactive all at once through a graceful node shutdown: the kubelet marks every
 * pod of the default group Failed when the group's grace ends, and the ReplicaSet sees them together.
 *
 * <p>The derivations count the bucket's tokens at each step; a reservation that leaves it at -k is
 * due k tokens (k × 50 ms) after the reservation. At the sync (t = 0) the first batch's creation
 * returns at once and its event E1 reserves a token right behind it; E1's POST completes at 0 and
 * the sender reserves for E2 only after the sync has reserved its batches of 2, 4, 8 and 16.
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
        return simulation(kcm, moreFaults, replicas).run();
    }

    private ClusterSimulation simulation(String kcm, String moreFaults, int... replicas) throws IOException {
        return simulation("5m", kcm, moreFaults, replicas);
    }

    private ClusterSimulation simulation(String duration, String kcm, String moreFaults, int... replicas)
            throws IOException {
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
                  duration: %s
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
                """.formatted(duration, kcm, workloads, moreFaults);
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return new ClusterSimulation(ScenarioLoader.load(f), 0, true);
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

    /** {@code count} creations from {@code fromMs} ms after {@code start}, a token apart. */
    private static void tokens(List<Long> out, long start, long fromMs, int count) {
        for (int k = 0; k < count; k++) {
            out.add(start + SimTime.millis(fromMs) + k * TOKEN);
        }
    }

    /** {@code count} creations at {@code atMs} ms after {@code start}. */
    private static void together(List<Long> out, long start, long atMs, int count) {
        for (int k = 0; k < count; k++) {
            out.add(start + SimTime.millis(atMs));
        }
    }

    /**
     * The first sync's creations, up to the batch of 32 reserved at 100 ms. At 0: batch 1 (30 -> 29),
     * E1 (28), batches 2, 4 and 8 (14), then 16: 14 on the tokens left, the 15th at -1 (50 ms), the
     * 16th at -2 (100 ms). E1 completes and E2 reserves at -3 (150 ms). At 100 ms the bucket is back
     * to -1 and the batch of {@code next} reserves from -2: 200, 250, ... ms. E2's POST at 150 ms
     * takes the next event, whose token comes after that batch's.
     */
    private static List<Long> firstSync(int next) {
        List<Long> expected = new ArrayList<>();
        together(expected, SEEN, 0, 1 + 2 + 4 + 8 + 14);
        tokens(expected, SEEN, 50, 2);
        tokens(expected, SEEN, 200, next);
        return expected;
    }

    @Test
    void oneSyncPastTheBurst_createsTwentyNineAtOnce_thenATokenApart_butOneForTheSecondEvent() throws IOException {
        ClusterSimulation sim = simulation("", "", 150);
        RunResult r = sim.run();
        List<Long> created = creations(r);
        // node-1's 50 pods: 31 from the first batches, the last 19 from 200 ms (E3 reserved at 150 ms
        // from -20: due at 1150 ms, after the last creation at 1100 ms)
        assertEquals(firstSync(19), created);
        assertEquals(created.size(), events(r, "PodCreated").size());
        EventSink events = sim.workloads().replicaSets().events();
        assertEquals(50, events.recorded(), "a SuccessfulCreate per creation");
        assertEquals(EventSpamFilter.BURST, events.posted(), "the ReplicaSet's burst of the spam filter");
        assertEquals(50 - EventSpamFilter.BURST, events.filtered());
    }

    /**
     * With a bucket of one token, two ReplicaSets' syncs at the same instant. A: batch 1 (1 -> 0, at
     * 0), its event (-1, 50 ms), batch 2 (-2, -3: 100 and 150 ms); B: batch 1 (-4: 200 ms). At 100 ms
     * A's second event reserves (-2 -> -3: 250 ms), the third waits behind it; at 150 ms A's last
     * batch (-2 -> -3: 300 ms). At 200 ms B's batch of 2 (-2 -> -3, -4: 350, 400 ms); at 250 ms A's
     * third event (-3 -> -4: 450 ms); at 400 ms B's last batch (-1 -> -2: 500 ms).
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
        List<Long> first = List.of(0L, 100L, 150L, 300L);
        List<Long> second = List.of(200L, 350L, 400L, 500L);
        assertTrue(perReplicaSet.equals(List.of(first, second)) || perReplicaSet.equals(List.of(second, first)),
                "ms after the sync, per ReplicaSet: " + perReplicaSet);
    }

    @Test
    void aLargerBurst_createsEveryReplacementAtTheSync() throws IOException {
        List<Long> created = creations(run("kube-api-qps: 20, kube-api-burst: 500", 150));
        assertTrue(created.size() > 30);
        assertTrue(created.stream().allMatch(t -> t == SEEN), created.toString());
    }

    /**
     * node-1's 80 pods. The old instance creates 31, then 7 of its batch of 32 (200 to 500 ms) by the
     * restart at 525 ms. The new one (at 725 ms, a new client with a full bucket and a new
     * broadcaster) creates the other 42 the way the first sync began: 29 at once and two a token
     * apart (775, 825 ms), its E2 at 875 ms, and from 825 ms the last 11 from -2 (925 ms on).
     */
    @Test
    void aRestart_dropsTheCreationsWaitingForATokens_theNewInstanceCreatesThemWithAFullBucket() throws IOException {
        long restart = SEEN + SimTime.millis(525);
        long downtime = SimTime.millis(200);
        List<Long> created = creations(run("leader-elect: false",
                "    - {type: ControllerManagerRestart, at: %dms, duration: 200ms}".formatted(restart / 1000), 240));
        List<Long> expected = firstSync(7);
        long start = restart + downtime;
        together(expected, start, 0, 29);
        tokens(expected, start, 50, 2);
        tokens(expected, start, 200, 11);
        assertEquals(expected, created, "tokens due by the restart were sent; the rest wait for the new instance");
    }

    /**
     * A POST whose token came due during a 200 ms outage is answered when it ends; the others keep
     * their tokens. node-1's 80 pods: the batch of 32 reserved at 100 ms is due 200 to 1750 ms (E3,
     * reserved at 150 ms from -32, at 1800 ms); at 1750 ms the last 17 reserve from -1 (1850 ms on).
     */
    @Test
    void anApiServerOutage_holdsTheCreationsDueInIt_untilItEnds() throws IOException {
        long outage = SEEN + SimTime.millis(525);
        long end = outage + SimTime.millis(200);
        List<Long> created = creations(run("", "    - {type: ControlPlaneOutage, at: %dms, duration: 200ms}"
                .formatted(outage / 1000), 240));
        List<Long> expected = new ArrayList<>();
        for (long t : firstSync(32)) {
            expected.add(t >= outage && t < end ? end : t);
        }
        tokens(expected, SEEN, 1850, 17);
        assertEquals(4, expected.stream().filter(t -> t == end).count(), "due at 550, 600, 650 and 700 ms");
        assertEquals(expected, created);
    }

    /**
     * A restart while the sent batch hangs on an outage drops it; the new instance's first sync
     * hangs too (its batch of 1 reserved at 1.2 s, 30 -> 29), and at the outage's end its first POST
     * goes out; the bucket is full again: E1 (29), batches 2, 4, 8 (15) and 15 of 16 at once, the
     * 16th at -1 (50 ms), E2 at -2 (100 ms), and the last 11 from -2 at 50 ms (150 ms on).
     */
    @Test
    void aRestartWhileTheBatchHangs_theNewInstancesSyncWaitsForTheOutageToo() throws IOException {
        long outage = SEEN + SimTime.millis(525);
        long end = outage + SimTime.seconds(10);
        List<Long> created = creations(run("leader-elect: false",
                "    - {type: ControlPlaneOutage, at: %dms, duration: 10s}\n    - {type: ControllerManagerRestart, at: %dms, duration: 200ms}"
                        .formatted(outage / 1000, (SEEN + SimTime.seconds(1)) / 1000), 240));
        List<Long> expected = firstSync(7);
        together(expected, end, 0, 1 + 2 + 4 + 8 + 15);
        tokens(expected, end, 50, 1);
        tokens(expected, end, 150, 11);
        assertEquals(expected, created);
    }

    /**
     * The spam filter's bucket for the ReplicaSet: node-1's 50 SuccessfulCreate at 120 s spend the 25
     * tokens (the 25th taken at SEEN + 2.2 s: E3 at 1150 ms, then one a token apart), then it refills
     * one in 300 s. node-2 (with its replacements) shuts down next: its pods fail 20 s later and their
     * events pass one more when that is past SEEN + 2.2 + 300 s, none when it is before.
     */
    @Test
    void theSpamFilter_letsTheReplicaSet25Events_thenOneIn5Minutes() throws IOException {
        long lastAccepted = SEEN + SimTime.millis(2200);
        for (long shutdownAfter : new long[] {SimTime.seconds(290), SimTime.seconds(310)}) {
            long second = lastAccepted + shutdownAfter - SimTime.seconds(20) - SimTime.millis(50);
            ClusterSimulation sim = simulation("10m", "", "    - {type: GracefulNodeShutdown, at: %dms, nodes: [node-2]}"
                    .formatted(second / 1000), 150);
            sim.run();
            EventSink events = sim.workloads().replicaSets().events();
            assertTrue(events.recorded() > 100, "both nodes' pods replaced: " + events.recorded());
            long more = shutdownAfter > SimTime.seconds(300) ? 1 : 0;
            assertEquals(EventSpamFilter.BURST + more, events.posted(), "shut down " + shutdownAfter);
            assertEquals(events.recorded(), events.posted() + events.filtered());
        }
    }

    /**
     * A POST held by an API-server stall longer than the request timeout is answered 504 and lost.
     * E3's token is due at SEEN + 1150 ms (above), inside a 90 s stall from 1125 ms: it fails 60 s
     * later; E4's POST then waits for the stall's end and goes out. Every creation was before it.
     */
    @Test
    void aStall_losesTheEventPostedInIt() throws IOException {
        long stall = SEEN + SimTime.millis(1125);
        ClusterSimulation sim = simulation("", "    - {type: ControlPlaneOutage, at: %dms, duration: 90s}"
                .formatted(stall / 1000), 150);
        RunResult r = sim.run();
        assertEquals(firstSync(19), creations(r));
        EventSink events = sim.workloads().replicaSets().events();
        assertEquals(1, events.dropped());
        assertEquals(EventSpamFilter.BURST - 1, events.posted());
        assertEquals(50 - EventSpamFilter.BURST, events.filtered());
    }
}
