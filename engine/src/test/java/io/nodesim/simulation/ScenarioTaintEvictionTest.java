package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.pod;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import org.junit.jupiter.api.Test;

/**
 * NoExecute taints written in the scenario ({@code nodes[].taints}) take part in eviction as the
 * controllers' own do: {@code handleNodeUpdate} / {@code handlePodUpdate} in
 * pkg/controller/tainteviction/taint_eviction.go read every NoExecute taint of the node. The
 * upstream cases are from taint_eviction_test.go; the fixture's watch delay is 50 ms.
 */
class ScenarioTaintEvictionTest {
    private static final long WATCH = SimTime.millis(50);
    private static final Taint DEDICATED = new Taint("NoExecute", "dedicated", null, "db");
    private static final Taint MAINTENANCE = new Taint("NoExecute", "maintenance", null, "");

    /** Deletion time of a pod, NEVER if it still runs on its node at the end (no pods.csv row then). */
    private static long deletedAt(RunResult r, String pod) {
        return r.pods().stream().filter(p -> p.pod().equals(pod)).findFirst().map(PodRecord::deletedAt)
                .orElse(SimTime.NEVER);
    }

    private static void assertRunsOn(ClusterSimulation sim, String pod, String node) {
        var pods = sim.cluster().pods();
        for (int p = 0; p < pods.count(); p++) {
            if (pods.name(p).equals(pod)) {
                assertEquals(sim.cluster().nodeIndex(node), pods.node(p));
                assertFalse(pods.isDeleted(p), pod + " deleted");
                return;
            }
        }
        throw new AssertionError("no pod " + pod);
    }

    private static Toleration tolerates(String key, String value, Long seconds) {
        return new Toleration("NoExecute", key, value == null ? "Exists" : "Equal", seconds, value);
    }

    /** TestCreateNode "Creating tainted Node matching already assigned Pod": deleted at the node's watch. */
    @Test
    void untoleratedScenarioTaint_podDeletedAtOnce() {
        RunResult r = ClusterSimulation.run(scenario().taintedNode("n1", "a", DEDICATED).barePod("p1", "n1")
                .duration(SimTime.MINUTE).build(), 0, true);
        assertEquals("n1", pod(r, "p1").node(), "bound by nodeName at t = 0");
        assertEquals(WATCH, pod(r, "p1").deletedAt());
    }

    /** TestCreateNode "Creating tainted Node matching already assigned tolerating Pod": never deleted. */
    @Test
    void toleratedForever_neverDeleted() {
        ClusterSimulation sim = new ClusterSimulation(scenario().taintedNode("n1", "a", DEDICATED)
                .barePod("p1", "n1", tolerates("dedicated", "db", null)).duration(SimTime.MINUTE).build(), 0, true);
        assertEquals(SimTime.NEVER, deletedAt(sim.run(), "p1"));
        assertRunsOn(sim, "p1", "n1");
    }

    /**
     * TestUpdateNodeWithMultiplePods "Pods with different toleration times are evicted
     * appropriately": no toleration → at once, 1 s → +1 s, no seconds → never. A toleration whose
     * value differs does not match (TestCreatePod "schedule on tainted Node with infinite invalid
     * toleration"): at once.
     */
    @Test
    void tolerationTimes_perPod() {
        ClusterSimulation sim = new ClusterSimulation(scenario().taintedNode("n1", "a", DEDICATED)
                .barePod("pod1", "n1")
                .barePod("pod2", "n1", tolerates("dedicated", "db", 1L))
                .barePod("pod3", "n1", tolerates("dedicated", "db", null))
                .barePod("pod4", "n1", tolerates("dedicated", "web", null))
                .duration(SimTime.MINUTE).build(), 0, true);
        RunResult r = sim.run();
        assertEquals(WATCH, pod(r, "pod1").deletedAt());
        assertEquals(WATCH + SimTime.SECOND, pod(r, "pod2").deletedAt());
        assertEquals(SimTime.NEVER, deletedAt(r, "pod3"));
        assertRunsOn(sim, "pod3", "n1");
        assertEquals(WATCH, pod(r, "pod4").deletedAt());
    }

    /** TestUpdateNode "Only one added taint tolerated": one untolerated taint of two deletes at once. */
    @Test
    void oneOfTwoTaintsTolerated_deletedAtOnce() {
        RunResult r = ClusterSimulation.run(scenario().taintedNode("n1", "a", DEDICATED, MAINTENANCE)
                .barePod("p1", "n1", tolerates("dedicated", "db", 100L)).duration(SimTime.MINUTE).build(), 0, true);
        assertEquals(WATCH, pod(r, "p1").deletedAt());
    }

    /**
     * A Deployment pod that tolerates the taint for 60 s is scheduled onto the node, deleted 60 s
     * after the controller saw it (t = 0 + λ), and so is its replacement, 60 s after the controller
     * saw its binding (TestCreatePod "schedule on tainted Node with finite toleration",
     * TestEventualConsistency "existing pod2 with taint toleration scheduled onto tainted Node").
     */
    @Test
    void toleratedFor60s_deletedAfter60s_andTheReplacementToo() {
        RunResult r = ClusterSimulation.run(scenario().taintedNode("n1", "a", DEDICATED)
                .deployment("web", 1, tolerates("dedicated", "db", 60L)).duration(SimTime.seconds(150)).build(), 0, true);
        PodRecord original = r.pods().stream().filter(p -> p.workload().equals("web")).findFirst().orElseThrow();
        assertEquals(WATCH + SimTime.seconds(60), original.deletedAt());
        assertEquals("n1", original.replacementNode());
        PodRecord replacement = pod(r, original.replacementPod());
        assertEquals(original.replacementScheduledAt() + WATCH + SimTime.seconds(60), replacement.deletedAt());
    }

    /** A node without a scenario taint keeps its pods: the taint is the node's, not the pod's. */
    @Test
    void untaintedNode_keepsUntoleratingPods() {
        ClusterSimulation sim = new ClusterSimulation(scenario().taintedNode("n1", "a", DEDICATED).pool("w", 1, "a")
                .barePod("p1", "w-0").duration(SimTime.MINUTE).build(), 0, true);
        assertEquals(SimTime.NEVER, deletedAt(sim.run(), "p1"));
        assertRunsOn(sim, "p1", "w-0");
    }
}
