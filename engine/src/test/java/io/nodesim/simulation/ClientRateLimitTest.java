package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.RunResult;
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
        // 30 tokens: the node's Unknown UpdateStatus, then 29 pod UpdateStatus at once.
        for (int i = 0; i < 29; i++) {
            assertEquals(unknown, notReady.get(i));
        }
        assertEquals(unknown + SimTime.millis(50), notReady.get(29));
        // The NoSchedule and NoExecute taint writes (a GET and a PATCH each) take 4 tokens in between:
        // 11 pod writes and 4 taint requests after the burst, 50 ms apart.
        assertEquals(unknown + 15 * SimTime.millis(50), notReady.get(39));
    }

    @Test
    void enoughTokens_everyPodIsMarkedInTheDetectingPass() {
        RunResult r = crashedNodesWithPods("1.35", 1, 100, 1000, 1000);
        long unknown = node(r, "node-0").unknownAt();
        assertEquals(List.of(unknown), times(r, "PodNotReady").stream().distinct().toList());
    }

    @Test
    void before127_theSerialPassDelaysTheNextNodesDecision_from127EightWorkersShareTheLimiter() {
        // Nine nodes of 40 pods crash together. 1.26: one node at a time, each node's pods (≈ 2 s of
        // tokens) before the next node is even evaluated. 1.27: eight workers, the decisions of a
        // pass land 50 ms apart and their pod writes share the 20 qps.
        long serial = crashedNodesWithPods("1.26", 9, 360, 20, 30).nodes().stream()
                .mapToLong(n -> n.unknownAt()).max().orElseThrow();
        long parallel = crashedNodesWithPods("1.27", 9, 360, 20, 30).nodes().stream()
                .mapToLong(n -> n.unknownAt()).max().orElseThrow();
        assertEquals(155_309_856, serial);
        assertEquals(146_209_856, parallel);
    }
}
