package io.nodesim.disruption;

import static io.nodesim.disruption.BudgetScenarios.budget;
import static io.nodesim.disruption.BudgetScenarios.deployment;
import static io.nodesim.disruption.BudgetScenarios.podsOf;
import static io.nodesim.disruption.BudgetScenarios.scenario;
import static io.nodesim.disruption.BudgetScenarios.simulation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.simulation.ClusterSimulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Eviction API's decisions, after the cases of pkg/registry/core/pod/storage/eviction_test.go
 * (TestEviction, TestEvictionIgnorePDB, TestEvictionPDBStatus).
 */
class EvictionApiTest {
    @TempDir
    Path dir;

    private ClusterSimulation cluster(String budgetField) {
        return simulation(dir, scenario(deployment("web", 3, "app: web") + budget("pdb", budgetField, "web"), ""));
    }

    /** TestEviction "matching pdbs with no disruptions allowed": 429 with the budget's numbers. */
    @Test
    void budgetWithNoDisruptionsAllowed_refusesWith429() {
        ClusterSimulation s = cluster("minAvailable: 3");
        int pod = podsOf(s, "web")[0];
        EvictionResponse r = s.evictions().evict(pod, 0);
        assertEquals(429, r.code());
        assertEquals("Cannot evict pod as it would violate the pod's disruption budget. The disruption budget pdb "
                + "needs 3 healthy pods and has 3 currently", r.message());
        assertFalse(s.cluster().pods().isDeleted(pod));
    }

    /**
     * TestEviction "matching pdbs with disruptions allowed": the pod is deleted, and the budget no
     * longer counts it, so the next eviction is refused (checkAndDecrement's decrement).
     */
    @Test
    void budgetWithOneDisruptionAllowed_evictsOnceThenRefuses() {
        ClusterSimulation s = cluster("maxUnavailable: 1");
        int[] pods = podsOf(s, "web");
        assertTrue(s.evictions().evict(pods[0], 0).evicted());
        assertTrue(s.cluster().pods().isDeleted(pods[0]));
        assertEquals(new BudgetStatus(3, 2, 2, 0, false), s.disruptionBudgets().status(0));
        assertEquals(429, s.evictions().evict(pods[1], 0).code());
    }

    /** TestEvictionIgnorePDB "pod terminating": a pod with a deletion timestamp skips the budget. */
    @Test
    void terminatingPod_ignoresTheBudget() {
        ClusterSimulation s = cluster("minAvailable: 3");
        int pod = podsOf(s, "web")[0];
        s.deletions().delete(pod, 0, "test");
        assertTrue(s.evictions().evict(pod, 0).evicted());
    }

    /**
     * TestEvictionIgnorePDB "matching pdbs with no disruptions allowed, pod running, pod unhealthy,
     * unhealthy pod ours": a not-Ready pod goes when the budget is otherwise met (IfHealthyBudget).
     */
    @Test
    void unhealthyPod_budgetMet_evictedWithoutUsingTheBudget() {
        ClusterSimulation s = cluster("minAvailable: 2");
        int[] pods = podsOf(s, "web");
        s.cluster().setPodReady(pods[0], false, 0);
        assertEquals(0, s.disruptionBudgets().disruptionsAllowed(0));
        assertTrue(s.evictions().evict(pods[0], 0).evicted());
    }

    /**
     * TestEvictionPDBStatus / unhealthyPodEvictionPolicy: with IfHealthyBudget a not-Ready pod of a
     * budget below its desiredHealthy is refused; AlwaysAllow evicts it.
     */
    @Test
    void unhealthyPod_budgetNotMet_refusedUnlessAlwaysAllow() {
        ClusterSimulation s = cluster("minAvailable: 3");
        int[] pods = podsOf(s, "web");
        s.cluster().setPodReady(pods[0], false, 0);
        assertEquals(429, s.evictions().evict(pods[0], 0).code());

        ClusterSimulation always = cluster("minAvailable: 3\n        unhealthyPodEvictionPolicy: AlwaysAllow");
        int[] p = podsOf(always, "web");
        always.cluster().setPodReady(p[0], false, 0);
        assertTrue(always.evictions().evict(p[0], 0).evicted());
        assertEquals(429, always.evictions().evict(p[1], 0).code());
    }

    /** TestEviction "matching multiple pdbs": 500, the eviction subresource supports one budget per pod. */
    @Test
    void podWithTwoBudgets_refusedWith500() {
        ClusterSimulation s = simulation(dir, scenario(deployment("web", 3, "app: web")
                + budget("a", "maxUnavailable: 3", "web") + budget("b", "maxUnavailable: 3", "web"), ""));
        int pod = podsOf(s, "web")[0];
        EvictionResponse r = s.evictions().evict(pod, 0);
        assertEquals(500, r.code());
        assertFalse(s.cluster().pods().isDeleted(pod));
    }

    /** A pod no budget selects is evicted; a pod that is gone is 404. */
    @Test
    void podWithoutBudget_evicted_andGonePod_notFound() {
        ClusterSimulation s = simulation(dir, scenario(deployment("web", 3, "app: web")
                + budget("other", "minAvailable: 3", "api"), ""));
        int pod = podsOf(s, "web")[0];
        assertTrue(s.evictions().evict(pod, 0).evicted());
        s.deletions().remove(pod, 0);
        assertEquals(404, s.evictions().evict(pod, 0).code());
    }

    /** The count preemption asks for: a healthy pod under an exhausted budget violates it. */
    @Test
    void violations_countExhaustedBudgetsOfAHealthyPod() {
        ClusterSimulation s = cluster("minAvailable: 3");
        int[] pods = podsOf(s, "web");
        assertEquals(1, s.disruptionBudgets().violations(pods[0]));
        s.cluster().setPodReady(pods[1], false, 0);
        assertEquals(0, s.disruptionBudgets().violations(pods[1]), "a pod that is not Ready is no disruption");
        ClusterSimulation roomy = cluster("minAvailable: 2");
        assertEquals(0, roomy.disruptionBudgets().violations(podsOf(roomy, "web")[0]));
    }
}
