package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.assertError;
import static io.nodesim.scenario.ScenarioFiles.fails;
import static io.nodesim.scenario.ScenarioFiles.load;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.scenario.DisruptionBudgetSpec.IntOrPercent;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policy/v1 PodDisruptionBudget manifests in spec.workloads, validated as the API server does. */
class DisruptionBudgetLoadingTest {
    @TempDir
    Path dir;

    private static String withBudget(String spec) {
        return ScenarioFiles.BASE.replace("  faults:\n", """
                    - apiVersion: policy/v1
                      kind: PodDisruptionBudget
                      metadata: {name: web-pdb}
                      spec:
                %s  faults:
                """.formatted(spec));
    }

    @Test
    void budget_isReadAndIsNoWorkload() {
        Scenario s = load(dir, withBudget("""
                        maxUnavailable: 25%
                        unhealthyPodEvictionPolicy: AlwaysAllow
                        selector: {matchLabels: {app: web}}
                """));
        assertEquals(1, s.workloads().size());
        assertEquals(new DisruptionBudgetSpec("web-pdb", "default", null, new IntOrPercent(25, true),
                Map.of("app", "web"), true), s.disruptionBudgets().get(0));
    }

    /** ValidatePodDisruptionBudgetSpec: "minAvailable and maxUnavailable cannot be both set". */
    @Test
    void bothFields_refusedAtTheSecond() {
        ScenarioException e = fails(dir, withBudget("""
                        minAvailable: 1
                        maxUnavailable: 1
                        selector: {matchLabels: {app: web}}
                """));
        assertError(e, 32, 25, "workloads[1].spec.maxUnavailable", "cannot be both set");
    }

    /** ValidatePodDisruptionBudgetSpec: a percentage above 100% is refused. */
    @Test
    void percentAbove100_refused() {
        ScenarioException e = fails(dir, withBudget("""
                        minAvailable: 120%
                        selector: {matchLabels: {app: web}}
                """));
        assertError(e, 31, 23, "workloads[1].spec.minAvailable", "must not be greater than 100%");
    }

    @Test
    void missingSelector_refused() {
        ScenarioException e = fails(dir, withBudget("""
                        minAvailable: 1
                """));
        assertError(e, 31, 9, "workloads[1].spec.selector", "selector.matchLabels");
    }

    @Test
    void unknownPolicy_refusedWithAHint() {
        ScenarioException e = fails(dir, withBudget("""
                        minAvailable: 1
                        unhealthyPodEvictionPolicy: AlwaysAlow
                        selector: {matchLabels: {app: web}}
                """));
        assertError(e, 32, 37, "workloads[1].spec.unhealthyPodEvictionPolicy", "AlwaysAllow");
    }
}
