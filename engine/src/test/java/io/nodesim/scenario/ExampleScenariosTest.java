package io.nodesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ExampleScenariosTest {
    static final Path DIR = Path.of("..", "scenarios");

    static Stream<Path> exampleFiles() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(files.size() >= 6, "scenarios/ holds the six examples");
            return files.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("exampleFiles")
    void everyExampleLoads(Path file) {
        Scenario s = ScenarioLoader.load(file);
        assertFalse(s.nodes().isEmpty());
        assertFalse(s.faults().isEmpty());
        assertFalse(s.description().isEmpty());
    }

    @Test
    void legacyExample_usesTheLegacyPathWithTheStudyNoteNumbers() {
        Scenario s = ScenarioLoader.load(DIR.resolve("legacy-1.12.yaml"));
        assertEquals("1.12", s.profile().name());
        assertFalse(s.profile().nodeLease());
        assertFalse(s.kubeControllerManager().enableTaintManager());
        assertEquals(4 * SimTime.SECOND, s.kubelet().nodeStatusUpdateFrequency());
        assertEquals(4 * SimTime.SECOND, s.kubelet().nodeStatusReportFrequency());
        assertEquals(40 * SimTime.SECOND, s.kubeControllerManager().nodeMonitorGracePeriod());
        assertEquals(5 * SimTime.MINUTE, s.kubeControllerManager().podEvictionTimeout());
    }

    @Test
    void zoneOutage_hasThreeHundredNodesInThreeZones() {
        Scenario s = ScenarioLoader.load(DIR.resolve("zone-outage.yaml"));
        assertEquals(300, s.nodeCount());
        assertEquals(List.of("a", "b", "c"), s.nodes().get(0).zones());
        assertEquals("ZoneOutage", s.faults().get(0).type());
        assertEquals(20 * SimTime.MINUTE, s.faults().get(0).duration());
    }

    @Test
    void controlPlaneStall_isLongerThanTheGracePeriodOf131() {
        Scenario s = ScenarioLoader.load(DIR.resolve("control-plane-stall.yaml"));
        assertEquals(40 * SimTime.SECOND, s.kubeControllerManager().nodeMonitorGracePeriod());
        assertTrue(s.faults().get(0).duration() > s.kubeControllerManager().nodeMonitorGracePeriod());
    }
}
