package io.nodesim.autoscaler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.ClusterAutoscalerConfig;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spec.clusterAutoscaler} and a pool's {@code autoscaling}: the flags' defaults and bad input. */
class AutoscalerSectionTest {
    @TempDir
    Path dir;

    private Scenario load(String autoscaler, String autoscaling) {
        return AutoscalerScenarios.load(dir, """
                clusterAutoscaler: %s
                nodes:
                  - pool: w
                    count: 2
                    autoscaling: %s
                """.formatted(autoscaler, autoscaling));
    }

    @Test
    void flagsDefaultAsClusterAutoscalerDefaultsThem() {
        ClusterAutoscalerConfig c = load("{}", "{min: 1, max: 5}").clusterAutoscaler();
        assertEquals(10 * SimTime.SECOND, c.scanInterval());
        assertEquals(15 * SimTime.MINUTE, c.maxNodeProvisionTime());
        assertEquals(45, c.maxTotalUnreadyPercentage());
        assertEquals(3, c.okTotalUnreadyCount());
        assertEquals(0, c.maxNodesTotal());
        assertEquals(0, c.newPodScaleUpDelay());
        assertEquals(List.of("random"), c.expanders());
        assertEquals(20 * SimTime.MINUTE, c.scaleDownUnreadyTime());
        assertEquals(10, load("{}", "{min: 1, max: 5}").nodes().get(0).slots(), "twice the max");
    }

    @Test
    void expanderChain_isReadFromTheCommaSeparatedFlag() {
        assertEquals(List.of("priority", "least-waste"), load("{expander: \"priority,least-waste\", priorities: "
                + "{10: [w]}}", "{min: 1, max: 5}").clusterAutoscaler().expanders());
    }

    @Test
    void badInput_namesTheLineColumnAndField() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load("{expander: biggest}",
                "{min: 1, max: 5}"));
        assertEquals("clusterAutoscaler.expander", e.path());
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("least-waste"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> load("{}", "{min: 3, max: 5}"));
        assertEquals("nodes[0].count", e.path());
        assertTrue(e.getMessage().contains("min 3"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> load("{scan-intervall: 10s}", "{min: 1, max: 5}"));
        assertTrue(e.getMessage().contains("scan-interval"), e.getMessage());
    }
}
