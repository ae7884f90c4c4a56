package io.nodesim.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example scenarios of the workload controllers run and show what their comments promise. */
class RecoveryScenariosTest {
    private static final Path DIR = Path.of("..", "scenarios");

    @Test
    void statefulsetDatabase_oneStuck_oneFreedByTheOutOfServiceTaint() {
        RunResult r = ClusterSimulation.run(ScenarioLoader.load(DIR.resolve("statefulset-database.yaml")), 0, false);
        PodRecord onNode0 = SimAssertions.podOf(r, "db", "node-0");
        PodRecord onNode1 = SimAssertions.podOf(r, "db", "node-1");
        assertNull(onNode0.replacementPod());
        assertEquals(onNode1.pod(), onNode1.replacementPod());
        assertNotNull(onNode1.replacementNode());
        assertEquals(true, onNode1.replacementReadyAt() != SimTime.NEVER);
    }

    @Test
    void daemonsetAgent_agentNeverEvicted_webReplaced() {
        RunResult r = ClusterSimulation.run(ScenarioLoader.load(DIR.resolve("daemonset-agent.yaml")), 0, false);
        assertEquals(SimTime.NEVER, SimAssertions.pod(r, "log-agent-node-3").deletedAt());
        for (PodRecord p : SimAssertions.podsOn(r, "node-3")) {
            if (p.workload().equals("web")) {
                assertNotNull(p.replacementNode());
            }
        }
    }
}
