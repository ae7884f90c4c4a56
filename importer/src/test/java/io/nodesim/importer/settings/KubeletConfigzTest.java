package io.nodesim.importer.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeletConfigzTest {
    @TempDir
    Path dir;

    private static ImportedSettings importConfigz(Path file) {
        return SettingsImport.read(new SettingsImport.Sources(Optional.of(file), List.of(), Optional.empty(), List.of()));
    }

    @Test
    void theHeartbeatFieldsOfARealConfigzBecomeTheKubeletSectionWithTheirJsonPaths() {
        ImportedSettings s = importConfigz(Fixtures.fixture("configz-k8s-node-01.json"));
        var kubelet = s.section("kubelet");
        assertEquals(List.of("nodeStatusUpdateFrequency", "nodeStatusReportFrequency", "nodeLeaseDurationSeconds"),
                List.copyOf(kubelet.keySet()));
        assertEquals("10s", kubelet.get("nodeStatusUpdateFrequency").scalar());
        assertEquals("5m0s", kubelet.get("nodeStatusReportFrequency").scalar());
        assertEquals(40L, kubelet.get("nodeLeaseDurationSeconds").scalar());
        assertEquals("configz-k8s-node-01.json#$.kubeletconfig.nodeStatusReportFrequency",
                kubelet.get("nodeStatusReportFrequency").from().toString());
    }

    @Test
    void everyOtherKubeletFieldIsListedAsNotModelled() {
        ImportedSettings s = importConfigz(Fixtures.fixture("configz-k8s-node-01.json"));
        List<String> names = s.notModelled().stream().map(NotModelled::name).toList();
        assertEquals(72, names.size(), names.toString());
        assertTrue(names.contains("shutdownGracePeriod") && names.contains("maxPods") && names.contains("evictionHard"));
        assertTrue(s.notModelled().stream().allMatch(n -> n.component().equals("kubelet")));
    }

    @Test
    void aFileWithoutKubeletconfigIsBadInputAtItsRoot() {
        Path f = Fixtures.write(dir, "node.json", "{\"kind\": \"Node\", \"apiVersion\": \"v1\"}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importConfigz(f));
        assertTrue(e.getMessage().startsWith("node.json#$: expected {\"kubeletconfig\": {...}}"), e.getMessage());
    }

    @Test
    void aMalformedDurationIsBadInputAtItsField() {
        Path f = Fixtures.write(dir, "c.json", "{\"kubeletconfig\": {\"nodeStatusUpdateFrequency\": \"10 seconds\"}}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importConfigz(f));
        assertTrue(e.getMessage().startsWith("c.json#$.kubeletconfig.nodeStatusUpdateFrequency: expected a duration"),
                e.getMessage());
    }

    @Test
    void truncatedJsonNamesTheFileLineAndColumn() {
        Path f = Fixtures.write(dir, "cut.json", "{\"kubeletconfig\": {\n  \"nodeLeaseDurationSeconds\": 40,\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importConfigz(f));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON or YAML"), e.getMessage());
    }

    @Test
    void beforeOneThirteenTheReportFrequencyIsDroppedWithItsReason() {
        Path f = Fixtures.write(dir, "c.json",
                "{\"kubeletconfig\": {\"nodeStatusUpdateFrequency\": \"10s\", \"nodeStatusReportFrequency\": \"1m0s\"}}");
        ImportedSettings s = SettingsImport.read(new SettingsImport.Sources(Optional.of(f), List.of(), Optional.empty(),
                List.of(new VersionDetector.NodeVersion("v1.12.8-gke.6", Provenance.root("nodes.yaml")))));
        assertEquals(List.of("nodeStatusUpdateFrequency"), List.copyOf(s.section("kubelet").keySet()));
        NotModelled dropped = s.notModelled().get(0);
        assertEquals("nodeStatusReportFrequency", dropped.name());
        assertTrue(dropped.reason().contains("before 1.13"), dropped.reason());
    }
}
