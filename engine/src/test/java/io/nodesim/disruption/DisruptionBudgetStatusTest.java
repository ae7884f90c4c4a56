package io.nodesim.disruption;

import static io.nodesim.disruption.BudgetScenarios.budget;
import static io.nodesim.disruption.BudgetScenarios.deployment;
import static io.nodesim.disruption.BudgetScenarios.podsOf;
import static io.nodesim.disruption.BudgetScenarios.scenario;
import static io.nodesim.disruption.BudgetScenarios.simulation;
import static io.nodesim.disruption.BudgetScenarios.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.scenario.DisruptionBudgetSpec.IntOrPercent;
import io.nodesim.simulation.ClusterSimulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget status the disruption controller computes, with the numbers of
 * pkg/controller/disruption/disruption_test.go ({@code VerifyPdbStatus(disruptionsAllowed,
 * currentHealthy, desiredHealthy, expectedPods)}).
 */
class DisruptionBudgetStatusTest {
    @TempDir
    Path dir;

    private BudgetStatus status(String workloads, int notReady) {
        ClusterSimulation s = simulation(dir, scenario(workloads, ""));
        int[] pods = podsOf(s, "web");
        for (int i = 0; i < notReady; i++) {
            s.cluster().setPodReady(pods[i], false, 0);
        }
        return s.disruptionBudgets().status(0);
    }

    /** intstr.GetScaledValueFromIntOrPercent(..., roundUp=true): a percentage of the total, rounded up. */
    @Test
    void percentages_roundUp_asGetScaledValueFromIntOrPercent() {
        assertEquals(2, new IntOrPercent(34, true).scaled(3));
        assertEquals(3, new IntOrPercent(25, true).scaled(10));
        assertEquals(1, new IntOrPercent(1, true).scaled(2));
        assertEquals(0, new IntOrPercent(28, true).scaled(0));
        assertEquals(10, new IntOrPercent(100, true).scaled(10));
        assertEquals(4, new IntOrPercent(4, false).scaled(10));
    }

    /** TestReplicationController / TestStatefulSetController: "34% should round up to 2" of 3 replicas. */
    @Test
    void minAvailablePercent_of3Replicas_roundsUpTo2() {
        String w = workload("StatefulSet", "web", 3, "app: web") + budget("pdb", "minAvailable: 34%", "web");
        assertEquals(new BudgetStatus(3, 3, 2, 1, false), status(w, 0));
        assertEquals(new BudgetStatus(3, 2, 2, 0, false), status(w, 1));
        assertEquals(new BudgetStatus(3, 1, 2, 0, false), status(w, 2));
    }

    /** TestReplicaSet: minAvailable 20% counts against the ReplicaSet's 10 replicas, not its pods. */
    @Test
    void minAvailablePercent_countsAgainstTheControllersScale() {
        String w = workload("ReplicaSet", "web", 10, "app: web") + budget("pdb", "minAvailable: 20%", "web");
        assertEquals(new BudgetStatus(10, 1, 2, 0, false), status(w, 9));
    }

    /** TestScaleResource: maxUnavailable 5 of 10 replicas with 4 healthy pods allows nothing. */
    @Test
    void maxUnavailable_desiredHealthyIsScaleMinusMaxUnavailable() {
        String w = deployment("web", 10, "app: web") + budget("pdb", "maxUnavailable: 5", "web");
        assertEquals(new BudgetStatus(10, 4, 5, 0, false), status(w, 6));
        assertEquals(new BudgetStatus(10, 10, 5, 5, false), status(w, 0));
    }

    /** maxUnavailable 25% of 10 rounds up to 3 unavailable: desiredHealthy 7. */
    @Test
    void maxUnavailablePercent_roundsTheUnavailableUp() {
        String w = deployment("web", 10, "app: web") + budget("pdb", "maxUnavailable: 25%", "web");
        assertEquals(new BudgetStatus(10, 10, 7, 3, false), status(w, 0));
    }

    /** minAvailable as an integer: expectedPods is the number of selected pods. */
    @Test
    void minAvailableInteger_expectedPodsAreTheSelectedPods() {
        String w = deployment("web", 5, "app: web") + budget("pdb", "minAvailable: 4", "web");
        assertEquals(new BudgetStatus(5, 5, 4, 1, false), status(w, 0));
        assertEquals(new BudgetStatus(5, 4, 4, 0, false), status(w, 1));
    }

    /** TestNakedPod: a percentage over a pod without a controller allows no disruption. */
    @Test
    void nakedPod_percentageAllowsNothing() {
        String w = """
                    - apiVersion: v1
                      kind: Pod
                      metadata: {name: web, labels: {app: web}}
                      spec:
                        containers: [{name: c, image: nginx}]
                """ + budget("pdb", "minAvailable: 28%", "web");
        assertEquals(new BudgetStatus(0, 1, 0, 0, false), status(w, 0));
    }

    /** TestUnsupportedControllerPod: a controller without a scale (a DaemonSet) fails the sync: 0 allowed. */
    @Test
    void daemonSetPods_maxUnavailable_syncFailsAndAllowsNothing() {
        String w = workload("DaemonSet", "web", 0, "app: web").replace("        replicas: 0\n", "")
                + budget("pdb", "maxUnavailable: 1", "web");
        assertEquals(new BudgetStatus(0, 0, 0, 0, true), status(w, 0));
    }

    /** updatePdbStatus: without minAvailable and maxUnavailable expectedPods is 0, so nothing is allowed. */
    @Test
    void neitherField_allowsNothing() {
        String w = deployment("web", 3, "app: web") + budget("pdb", "", "web");
        assertEquals(new BudgetStatus(0, 3, 0, 0, false), status(w, 0));
    }

    /** A budget selects by labels within its namespace: another workload's pods do not count. */
    @Test
    void selector_countsOnlyMatchingWorkloads() {
        String w = deployment("web", 3, "app: web") + deployment("api", 4, "app: api")
                + budget("pdb", "maxUnavailable: 1", "web");
        assertEquals(new BudgetStatus(3, 3, 2, 1, false), status(w, 0));
    }
}
