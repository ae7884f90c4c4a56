package io.nodesim.workloads;

import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.cluster.ClusterState;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.kernel.SimTime;
import io.nodesim.simulation.ClusterSimulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code gcTerminating} (pkg/controller/podgc/gc_controller.go) starts one goroutine per pod at once:
 * every pod's first request (the PATCH to Failed, or the DELETE of a pod already Failed) is reserved
 * at the pass, and each PATCH's DELETE when the PATCH returns, behind all of them. With a bucket of
 * 30 at 20/s: 20 pods, the first 5 already Failed, take 20 + 15 requests, so the last 5 DELETEs
 * return 50, 100, …, 250 ms after the pass.
 */
class PodGcRequestsTest {
    private static final long PASS = SimTime.seconds(10);

    @Test
    void parallelDeletions_firstRequestsAtOnce_theDeletesAfterAPatchBehindThem() {
        ClusterSimulation cs = new ClusterSimulation(scenario().pool("node", 3, "a").deployment("web", 60)
                .duration(SimTime.MINUTE).build(), 0, false);
        ClusterState cluster = cs.cluster();
        int[] pods = new int[20];
        for (int i = 0; i < pods.length; i++) {
            pods[i] = i;
        }
        for (int i = 0; i < 5; i++) {
            cluster.failPod(pods[i], 0, "test");
        }
        PodGcRequests requests = new PodGcRequests(cs.simulation(), cluster, cs.deletions(), new ApiClient(20, 30), true);
        cs.simulation().runUntil(PASS);
        long last = requests.parallel(pods, pods.length, PASS, "PodGC: out-of-service");
        cs.simulation().runUntil(PASS + SimTime.seconds(1));

        List<Long> gone = new ArrayList<>();
        for (int p : pods) {
            gone.add(cluster.pods().goneAt(p) - PASS);
        }
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            expected.add(0L);
        }
        for (int k = 1; k <= 5; k++) {
            expected.add(k * SimTime.millis(50));
        }
        assertEquals(expected, gone, "the Failed pods' DELETEs and the first 10 PATCHes' DELETEs on the burst");
        assertEquals(PASS + SimTime.millis(250), last, "wait.Wait: the pass goes on when the last DELETE returns");
    }

    @Test
    void without126sPatch_everyDeleteIsAFirstRequest() {
        ClusterSimulation cs = new ClusterSimulation(scenario().pool("node", 3, "a").deployment("web", 60)
                .duration(SimTime.MINUTE).build(), 0, false);
        int[] pods = new int[40];
        for (int i = 0; i < pods.length; i++) {
            pods[i] = i;
        }
        PodGcRequests requests = new PodGcRequests(cs.simulation(), cs.cluster(), cs.deletions(), new ApiClient(20, 30),
                false);
        cs.simulation().runUntil(PASS);
        assertEquals(PASS + SimTime.millis(500), requests.parallel(pods, pods.length, PASS, "x"));
        cs.simulation().runUntil(PASS + SimTime.seconds(1));
        for (int i = 0; i < pods.length; i++) {
            assertEquals(PASS + Math.max(0, i - 29) * SimTime.millis(50), cs.cluster().pods().goneAt(pods[i]), "pod " + i);
        }
    }
}
