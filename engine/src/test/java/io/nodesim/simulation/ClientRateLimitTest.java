package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.FaultTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The node lifecycle controller's writes through its client limiter: kube-controller-manager's
 * {@code kube-api-qps} / {@code kube-api-burst} (20 / 30, pkg/controller/apis/config/v1alpha1/defaults.go)
 * as client-go's token bucket; {@code MarkPodsNotReady} (pkg/controller/util/node/controller_utils.go)
 * sends one UpdateStatus per pod, serially, inside the monitor pass; the pass's workers are
 * {@code ParallelizeUntil(nodeUpdateWorkerSize = 8)} from 1.27 (PR #114296, issue #114295 "Node
 * lifecycle controller takes too long to mark pods NotReady"), one before.
 */
class ClientRateLimitTest {
    private static final long CRASH = SimTime.seconds(100);

    private static List<Long> times(RunResult r, String kind) {
        return events(r, kind).stream().map(EventRecord::time).toList();
    }

    private static RunResult crashedNodesWithPods(String version, int nodes, int pods, double qps, int burst) {
        var s = scenario().version(version).kubeApi(qps, burst).pool("node", nodes, "a").deployment("web", pods)
                .crash(CRASH, names(nodes)).duration(SimTime.seconds(400)).build();
        return ClusterSimulation.run(s, 0, true);
    }

    private static String[] names(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "node-" + i;
        }
        return names;
    }

    @Test
    void markPodsNotReady_burstThenOneWriteEvery50ms_afterTheNodesOwnUpdateStatus() {
        RunResult r = crashedNodesWithPods("1.35", 1, 100, 20, 30);
        long unknown = node(r, "node-0").unknownAt();
        List<Long> notReady = times(r, "PodNotReady");
        assertEquals(40, notReady.size(), "the node holds 40 pods");
        // 30 tokens: the node's Unknown UpdateStatus, its NodeNotReady event (RecordNodeStatusChange,
        // sent by the broadcaster through the same client), then 28 pod UpdateStatus at once.
        for (int i = 0; i < 28; i++) {
            assertEquals(unknown, notReady.get(i));
        }
        assertEquals(unknown + SimTime.millis(50), notReady.get(28));
        // Past the burst a token every 50 ms, first come first served: the pod writes (one at a time),
        // the pods' NodeNotReady events (from 1.19, one at a time: the broadcaster sends serially) and
        // the NoSchedule and NoExecute taints (a GET and a PATCH each). The last pod write is the 27th
        // token: 11 pod writes, 12 events and 4 taint requests.
        assertEquals(unknown + 27 * SimTime.millis(50), notReady.get(39));
        // With the taints written, pod writes and their events alternate: a pod every 100 ms.
        for (int i = 31; i < 40; i++) {
            assertEquals(SimTime.millis(100), notReady.get(i) - notReady.get(i - 1), "pod " + i);
        }
    }

    @Test
    void before119_noEventPerPod_theWritesTakeEveryTokenButTheTaints() {
        RunResult r = crashedNodesWithPods("1.18", 1, 100, 20, 30);
        long unknown = node(r, "node-0").unknownAt();
        List<Long> notReady = times(r, "PodNotReady");
        // The node's UpdateStatus and its NodeNotReady event, 28 pods at once, then 12 pod writes and
        // the NoSchedule taint's GET and PATCH (before 1.34 the NoExecute taint waits for the next
        // pass): the last pod at the 14th token after the burst, no token left to events.
        assertEquals(28, notReady.stream().filter(t -> t == unknown).count());
        assertEquals(unknown + 14 * SimTime.millis(50), notReady.get(39));
    }

    @Test
    void before117_theNodesPodsAreListedThroughTheClient_oneTokenBeforeTheWrites() {
        // PR #81167: before 1.17 MarkPodsNotReady lists the node's pods through the client. The
        // burst is the node's UpdateStatus, its NodeNotReady event, the LIST and 27 pods; then 13 pod
        // writes and the NoSchedule taint's GET and PATCH: the last pod one token later than in 1.17.
        for (String version : new String[] {"1.16", "1.17"}) {
            RunResult r = crashedNodesWithPods(version, 1, 100, 20, 30);
            long unknown = node(r, "node-0").unknownAt();
            List<Long> notReady = times(r, "PodNotReady");
            boolean listed = version.equals("1.16");
            assertEquals(listed ? 27 : 28, notReady.stream().filter(t -> t == unknown).count(), version);
            assertEquals(unknown + (listed ? 15 : 14) * SimTime.millis(50), notReady.get(39), version);
        }
    }

    /**
     * The LIST waits for a token (0.5 qps, burst 2: the node's UpdateStatus and its NodeNotReady
     * event take the burst) and is due 1 ms into a 90 s API-server outage: it times out after 1 min
     * and MarkAllPodsNotReady fails before writing any pod; before 1.17 nothing retries it (PR
     * #84445), so no pod is marked. 1.17 writes the pods from the informer: the first write hangs and
     * fails the same way, the node stays in nodesToRetry, and the passes mark every pod once the
     * server answers again.
     */
    @Test
    void before117_aListThatTimesOut_leavesThePodsReady() {
        for (String version : new String[] {"1.16", "1.17"}) {
            var base = scenario().version(version).kubeApi(0.5, 2).pool("node", 1, "a").deployment("web", 10)
                    .crash(CRASH, "node-0").duration(SimTime.seconds(400));
            long p = node(ClusterSimulation.run(base.build(), 0, true), "node-0").unknownAt();
            RunResult r = ClusterSimulation.run(base.fault("ControlPlaneOutage", p + SimTime.seconds(2) - SimTime.millis(1),
                    SimTime.seconds(90), FaultTarget.all()).build(), 0, true);
            List<Long> notReady = times(r, "PodNotReady");
            if (version.equals("1.16")) {
                assertEquals(List.of(), notReady, version);
            } else {
                assertEquals(10, notReady.size(), version);
                assertTrue(notReady.get(0) >= p + SimTime.seconds(92) - SimTime.millis(1), version + ": " + notReady);
            }
        }
    }

    /**
     * The same LIST in a 30 s outage hangs and is answered when the API server is back, within its
     * timeout: the pods are written from there, the first at once (0.5 qps has refilled the bucket),
     * every one of the ten.
     */
    @Test
    void before117_aListAnsweredAtTheOutagesEnd_marksEveryPodFromThere() {
        var base = scenario().version("1.16").kubeApi(0.5, 2).pool("node", 1, "a").deployment("web", 10)
                .crash(CRASH, "node-0").duration(SimTime.seconds(400));
        long p = node(ClusterSimulation.run(base.build(), 0, true), "node-0").unknownAt();
        long outage = p + SimTime.seconds(2) - SimTime.millis(1);
        RunResult r = ClusterSimulation.run(base.fault("ControlPlaneOutage", outage, SimTime.seconds(30),
                FaultTarget.all()).build(), 0, true);
        List<Long> notReady = times(r, "PodNotReady");
        assertEquals(10, notReady.size());
        assertEquals(outage + SimTime.seconds(30), notReady.get(0));
    }

    @Test
    void enoughTokens_everyPodIsMarkedInTheDetectingPass() {
        RunResult r = crashedNodesWithPods("1.35", 1, 100, 1000, 1000);
        long unknown = node(r, "node-0").unknownAt();
        assertEquals(List.of(unknown), times(r, "PodNotReady").stream().distinct().toList());
    }

    @Test
    void before127_theSerialPassDelaysTheNextNodesDecision_from127EightWorkersShareTheLimiter() {
        // Nine nodes of 40 pods crash together. 1.26: one node at a time, each node's pods before the
        // next node is even evaluated; past the burst every pod write is followed by the pod's
        // NodeNotReady event, which the broadcaster sends through the same limiter, so a node takes
        // ≈ 4.2 s of tokens (40 writes, 41 events, the node's UpdateStatus). 1.27: eight workers; the
        // three nodes Unknown at the first pass mark their pods side by side, and the pass waits for
        // them (≈ 12 s of tokens with the events) before the next pass decides the other six.
        long serial = crashedNodesWithPods("1.26", 9, 360, 20, 30).nodes().stream()
                .mapToLong(n -> n.unknownAt()).max().orElseThrow();
        long parallel = crashedNodesWithPods("1.27", 9, 360, 20, 30).nodes().stream()
                .mapToLong(n -> n.unknownAt()).max().orElseThrow();
        assertEquals(168_759_856, serial);
        assertEquals(148_259_856, parallel);
    }
}
