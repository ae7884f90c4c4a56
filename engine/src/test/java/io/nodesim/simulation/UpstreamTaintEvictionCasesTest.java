package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.deletedAtOrNever;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.RunResult;
import org.junit.jupiter.api.Test;

/**
 * Cases of pkg/controller/tainteviction/taint_eviction_test.go not yet covered by
 * {@link ScenarioTaintEvictionTest}, with upstream's fixtures: {@code createNoExecuteTaint(i)} is
 * {@code testTaint<i>=test<i>:NoExecute}, {@code addToleration(pod, i, s)} tolerates it (operator
 * Equal) for s seconds, none when s &lt; 0. The node carries its taints from t = 0 (a scenario
 * taint), the pod is bound by nodeName, and the controller sees the node one watch delay (50 ms)
 * later, so "deleted at once" is t = 50 ms and a toleration of s seconds deletes at 50 ms + s.
 */
class UpstreamTaintEvictionCasesTest {
    private static final long WATCH = SimTime.millis(50);

    private static Taint taint(int i) {
        return new Taint("NoExecute", "testTaint" + i, null, "test" + i);
    }

    private static Toleration toleration(int i, long seconds) {
        return new Toleration("NoExecute", "testTaint" + i, "Equal", seconds < 0 ? null : seconds, "test" + i);
    }


    private static long deletionOnNodeWith(Taint[] taints, Toleration... tolerations) {
        RunResult r = ClusterSimulation.run(scenario().taintedNode("node1", "a", taints)
                .barePod("pod1", "node1", tolerations).duration(SimTime.seconds(200)).build(), 0, true);
        return deletedAtOrNever(r, "pod1");
    }

    /** TestCreatePod, "schedule on tainted Node with zero-second toleration": deleted at once. */
    @Test
    void createPod_zeroSecondToleration_deletedAtOnce() {
        assertEquals(WATCH, deletionOnNodeWith(new Taint[] {taint(1)}, toleration(1, 0)));
    }

    /** TestCreatePod, "schedule on tainted Node with infinite toleration": never deleted. */
    @Test
    void createPod_infiniteToleration_neverDeleted() {
        assertEquals(SimTime.NEVER, deletionOnNodeWith(new Taint[] {taint(1)}, toleration(1, -1)));
    }

    /**
     * TestCreatePod, "schedule on tainted Node with finite toleration" and TestUpdateNode "Added
     * tolerated taint" (100 s): not deleted within the toleration, deleted when it runs out.
     */
    @Test
    void createPod_finiteToleration_deletedWhenItRunsOut() {
        assertEquals(WATCH + SimTime.seconds(100), deletionOnNodeWith(new Taint[] {taint(1)}, toleration(1, 100)));
    }

    /**
     * TestUpdateNode, "Pod with multiple tolerations are evicted when first one runs out": taints 1
     * and 2 tolerated for 1 s and 100 s; the shorter decides (getMinTolerationTime).
     */
    @Test
    void updateNode_multipleTolerations_evictedWhenTheFirstRunsOut() {
        assertEquals(WATCH + SimTime.SECOND,
                deletionOnNodeWith(new Taint[] {taint(1), taint(2)}, toleration(1, 1), toleration(2, 100)));
    }

    /**
     * TestUpdateNodeWithMultipleTaints: a pod tolerating taint 1 forever stays on a node with taint
     * 1 and is deleted at once when the node also carries the untolerated taint 2.
     */
    @Test
    void updateNodeWithMultipleTaints_untoleratedSecondTaint_deletedAtOnce() {
        assertEquals(SimTime.NEVER, deletionOnNodeWith(new Taint[] {taint(1)}, toleration(1, -1)));
        assertEquals(WATCH, deletionOnNodeWith(new Taint[] {taint(1), taint(2)}, toleration(1, -1)));
    }

    /**
     * TestGetMinTolerationTime over the tolerations the pod uses for taints 1 and 2: none used → 0
     * (at once); {nil} → forever; {1, 2} → 1 s; {1, nil} → 1 s; {nil, 1} → 1 s.
     */
    @Test
    void getMinTolerationTime_table() {
        Taint[] one = {taint(1)};
        Taint[] both = {taint(1), taint(2)};
        assertEquals(WATCH, deletionOnNodeWith(one));
        assertEquals(SimTime.NEVER, deletionOnNodeWith(one, toleration(1, -1)));
        assertEquals(WATCH + SimTime.SECOND, deletionOnNodeWith(both, toleration(1, 1), toleration(2, 2)));
        assertEquals(WATCH + SimTime.SECOND, deletionOnNodeWith(both, toleration(1, 1), toleration(2, -1)));
        assertEquals(WATCH + SimTime.SECOND, deletionOnNodeWith(both, toleration(1, -1), toleration(2, 1)));
    }
}
