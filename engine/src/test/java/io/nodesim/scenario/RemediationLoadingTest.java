package io.nodesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spec.remediation and spec.cloudControllerManager as a scenario file writes them. */
class RemediationLoadingTest {
    private static final Path EXAMPLE = Path.of("..", "scenarios", "remediation.yaml");

    @TempDir
    Path dir;

    private Scenario withRemediation(String body) throws IOException {
        String text = Files.readString(EXAMPLE).replace("""
                  remediation:
                    notReadyFor: 5m
                    delay: lognormal(20m, 0.8)
                    action: OutOfServiceTaint
                """, body);
        Path f = dir.resolve("r.yaml");
        Files.writeString(f, text);
        return ScenarioLoader.load(f);
    }

    @Test
    void theExampleLoads_withItsRemediation_andTheDefaultCloudMonitorPeriod() {
        Scenario s = ScenarioLoader.load(EXAMPLE);
        assertEquals(new RemediationSpec(5 * SimTime.MINUTE, s.remediation().delay(), "OutOfServiceTaint"), s.remediation());
        assertEquals("lognormal(1200s, 0.8)", s.remediation().delay().spec());
        assertEquals(5 * SimTime.SECOND, s.cloudControllerManager().nodeMonitorPeriod());
        assertEquals(SimTime.MINUTE, ScenarioLoader.load(EXAMPLE, List.of("cloudControllerManager.node-monitor-period=1m"))
                .cloudControllerManager().nodeMonitorPeriod());
    }

    @Test
    void anUnknownAction_isAnErrorAtItsPosition_withADidYouMean() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> withRemediation("""
                  remediation:
                    notReadyFor: 5m
                    delay: constant(1m)
                    action: DeleteNod
                """));
        assertEquals("remediation.action", e.path());
        assertTrue(e.getMessage().contains("DeleteNode"), e.getMessage());
        assertTrue(e.line() > 0);
    }

    @Test
    void aMissingDelay_isAnErrorNamingIt() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> withRemediation("""
                  remediation:
                    notReadyFor: 5m
                """));
        assertEquals("remediation.delay", e.path());
    }

    @Test
    void noRemediationSection_meansNothingRemediates() throws IOException {
        assertNull(withRemediation("").remediation());
    }
}
