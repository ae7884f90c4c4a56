package io.nodesim.simulation;

import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
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

    private static List<Long> deletions(String version, double qps, int burst) {
        RunResult r = ClusterSimulation.run(scenario().version(version).kubeApi(qps, burst).pool("node", 3, "a")
                .deployment("web", 150).crash(AT, "node-1")
                .fault("NodeDelete", AT + SimTime.seconds(30), SimTime.NEVER, nodes("node-1"))
                .duration(SimTime.MINUTE * 5).build(), 0, false);
        List<Long> times = new ArrayList<>();
        for (PodRecord p : r.pods()) {
            if (p.node().equals("node-1")) {
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

    @Test
    void aBurstLargeEnough_deletesEveryPodInThePass() {
        List<Long> deleted = deletions("1.35", 20, 1000);
        assertTrue(deleted.stream().allMatch(t -> t.equals(deleted.get(0))), deleted.toString());
    }
}
