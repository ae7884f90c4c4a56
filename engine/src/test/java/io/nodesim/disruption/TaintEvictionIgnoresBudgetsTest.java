package io.nodesim.disruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.simulation.ClusterSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budgets bind the Eviction API only: pkg/controller/tainteviction deletes pods with a plain DELETE
 * (taint_eviction.go {@code deletePodHandler}), so a crash deletes the pods of a budget with
 * maxUnavailable: 0 when their tolerationSeconds run out, as it deletes any other.
 */
class TaintEvictionIgnoresBudgetsTest {
    @TempDir
    Path dir;

    @Test
    void crash_withMaxUnavailableZero_stillDeletesThePodsAfterTolerationSeconds() throws IOException {
        String text = BudgetScenarios.scenario(
                BudgetScenarios.deployment("web", 4, "app: web") + BudgetScenarios.budget("pdb", "maxUnavailable: 0", "web"),
                "    - at: 1m\n      type: NodeCrash\n      nodes: [w-0]\n");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        Scenario s = ScenarioLoader.load(f, List.of());
        assertEquals(0, new ClusterSimulation(s, 0, false).disruptionBudgets().disruptionsAllowed(0));

        RunResult r = ClusterSimulation.run(s, 0, true);
        NodeRecord node = r.nodes().stream().filter(n -> n.node().equals("w-0")).findFirst().orElseThrow();
        List<PodRecord> pods = r.pods().stream().filter(p -> p.node().equals("w-0")).toList();
        assertTrue(!pods.isEmpty());
        for (PodRecord p : pods) {
            long afterTaint = p.deletedAt() - node.noExecuteTaintAt();
            // default-unreachable-toleration-seconds 300, seen one watch delay (10..100 ms) after the taint
            assertTrue(afterTaint >= 300 * SimTime.SECOND && afterTaint <= 300 * SimTime.SECOND + SimTime.millis(100),
                    p.pod() + " deleted " + afterTaint + " us after the taint");
        }
    }
}
