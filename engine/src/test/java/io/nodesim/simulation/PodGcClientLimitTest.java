package io.nodesim.simulation;

import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.testing.ScenarioFixture;
import io.nodesim.workloads.PodGarbageCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pod GC force-deletes a deleted node's pods through its own client
 * ({@code ClientOrDie("pod-garbage-collector")}, {@code kube-api-qps} 20 / {@code kube-api-burst} 30):
 * {@code gcOrphaned} (pkg/controller/podgc/gc_controller.go) first GETs the node that left its
 * quarantine ({@code discoverDeletedNodes}), then runs {@code markFailedAndDeletePodWithCondition} pod
 * after pod: a status PATCH to Failed (from 1.26) and the DELETE, each request blocking until its
 * token is due. Past the burst, one request every 50 ms.
 */
class PodGcClientLimitTest {
    private static final long AT = SimTime.seconds(100);
    private static final long TOKEN = SimTime.millis(50);

    private static final long PASS_DURATION = SimTime.millis(10);

    /** Node-1 crashes at 100 s and its Node object is deleted 30 s later. */
    private static ScenarioFixture nodeOneDeleted(String version, double qps, int burst) {
        return scenario().version(version).kubeApi(qps, burst).workloadLatencies(PASS_DURATION, 0, 0)
                .pool("node", 4, "a").deployment("web", 200).crash(AT, "node-1")
                .fault("NodeDelete", AT + SimTime.seconds(30), SimTime.NEVER, nodes("node-1"))
                .duration(SimTime.MINUTE * 5);
    }

    private static List<Long> deletions(String version, double qps, int burst) {
        return deletions(ClusterSimulation.run(nodeOneDeleted(version, qps, burst).build(), 0, false), "node-1");
    }

    private static List<Long> deletions(RunResult r, String node) {
        List<Long> times = new ArrayList<>();
        for (PodRecord p : r.pods()) {
            if (p.node().equals(node)) {
                assertTrue(p.deletedAt() < AT + SimTime.seconds(300), p.pod() + " deleted by pod GC, before any toleration");
                times.add(p.deletedAt());
            }
        }
        times.sort(null);
        assertTrue(times.size() > 30, "more requests than the burst: " + times.size() + " pods");
        return times;
    }

    /** The GET is request 0 of the pass, pod k's DELETE request {@code requestsPerPod × (k + 1)}. */
    private static List<Long> expected(long pass, int pods, int requestsPerPod) {
        List<Long> times = new ArrayList<>();
        for (int k = 0; k < pods; k++) {
            times.add(pass + Math.max(0, requestsPerPod * (k + 1) - 29) * TOKEN);
        }
        return times;
    }

    @Test
    void from126_aGetThenAPatchAndADeletePerPod_oneTokenEach() {
        List<Long> deleted = deletions("1.35", 20, 30);
        long first = deleted.get(0);
        assertEquals(expected(first, deleted.size(), 2), deleted);
        assertEquals(first + (2L * deleted.size() - 29) * TOKEN, deleted.get(deleted.size() - 1),
                "the last of 2N + 1 requests, 29 past the burst's");
    }

    @Test
    void before126_aGetThenADeletePerPod() {
        List<Long> deleted = deletions("1.25", 20, 30);
        assertEquals(expected(deleted.get(0), deleted.size(), 1), deleted);
    }

    /**
     * {@code wait.UntilWithContext(gc, 20 s)} is sliding: the next pass starts 20 s after the last
     * request of this one returned. Node-2's Node object goes 5 s before node-1's pods are deleted, so
     * that pass starts node-2's quarantine; its pods go at the first pass 40 s or more after it.
     */
    @Test
    void theNextPassStarts20sAfterTheLastRequestReturned() {
        List<Long> nodeOne = deletions("1.35", 20, 30);
        long pass = nodeOne.get(0);
        long ended = nodeOne.get(nodeOne.size() - 1);
        RunResult r = ClusterSimulation.run(nodeOneDeleted("1.35", 20, 30)
                .fault("NodeDelete", pass - SimTime.seconds(5), SimTime.NEVER, nodes("node-2")).build(), 0, false);
        assertEquals(nodeOne, deletions(r, "node-1"));
        long quarantineEnds = pass + PodGarbageCollector.QUARANTINE;
        long next = ended + PodGarbageCollector.PERIOD;
        assertTrue(next < quarantineEnds);
        assertEquals(next + PASS_DURATION + PodGarbageCollector.PERIOD, deletions(r, "node-2").get(0),
                "passes at the last request + 20 s, then 20 s after that pass");
    }

    /** Requests that hang on an outage keep the pass going: the next one starts 20 s after they return. */
    @Test
    void requestsHungOnAnOutage_endThePassWhenTheyReturn() {
        List<Long> nodeOne = deletions("1.35", 20, 30);
        long pass = nodeOne.get(0);
        long outageEnd = pass + SimTime.seconds(31);
        RunResult r = ClusterSimulation.run(nodeOneDeleted("1.35", 20, 30)
                .fault("NodeDelete", pass - SimTime.seconds(5), SimTime.NEVER, nodes("node-2"))
                .fault("ControlPlaneOutage", pass + SimTime.seconds(1), SimTime.seconds(30), FaultTarget.all())
                .build(), 0, false);
        List<Long> hung = deletions(r, "node-1");
        assertEquals(outageEnd, hung.get(hung.size() - 1), "the DELETEs due in the outage return at its end");
        assertEquals(outageEnd + PodGarbageCollector.PERIOD, deletions(r, "node-2").get(0),
                "node-2's quarantine (from the pass at which it was first missing) is over by the next pass");
    }

    /** A request whose token comes due while the API server is down is answered when it is up again. */
    @Test
    void anOutageDuringThePass_holdsTheDeletesDueInIt_untilItEnds() {
        List<Long> before = deletions("1.35", 20, 30);
        long outage = before.get(0) + SimTime.seconds(1);
        long end = outage + SimTime.millis(200);
        RunResult r = ClusterSimulation.run(nodeOneDeleted("1.35", 20, 30)
                .fault("ControlPlaneOutage", outage, SimTime.millis(200), FaultTarget.all()).build(), 0, false);
        List<Long> expected = new ArrayList<>();
        for (long t : before) {
            expected.add(t >= outage && t < end ? end : t);
        }
        assertEquals(2, expected.stream().filter(t -> t == end).count(), "two DELETEs due in the 200 ms");
        assertEquals(expected, deletions(r, "node-1"));
    }

    @Test
    void aBurstLargeEnough_deletesEveryPodInThePass() {
        List<Long> deleted = deletions("1.35", 20, 1000);
        assertTrue(deleted.stream().allMatch(t -> t.equals(deleted.get(0))), deleted.toString());
    }
}
