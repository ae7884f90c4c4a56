package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginsTest {
    @TempDir
    Path dir;

    @Test
    void everyEffectiveSettingHasARecordedOrigin() {
        Scenario s = ScenarioFiles.load(dir, BASE);
        for (EffectiveSettings.Setting row : EffectiveSettings.of(s)) {
            assertTrue(s.origins().containsKey(row.path()), "no origin recorded for " + row.path());
            assertEquals(s.origins().get(row.path()), row.origin());
        }
    }

    @Test
    void originsNameTheFileLineTheProfileOrNodesim() {
        Scenario s = ScenarioFiles.load(dir, BASE);
        assertEquals(new SettingOrigin("file", "s.yaml:8"), s.origins().get("kubeControllerManager.node-monitor-grace-period"));
        assertEquals(new SettingOrigin("file", "s.yaml:6"), s.origins().get("kubernetesVersion"));
        assertEquals(new SettingOrigin("profile", "1.35"), s.origins().get("kubeControllerManager.node-monitor-period"));
        assertEquals(new SettingOrigin("profile", "1.35"), s.origins().get("kubelet.nodeStatusReportFrequency"));
        assertEquals(new SettingOrigin("default", "nodesim"), s.origins().get("latencies.watch"));
        assertEquals(new SettingOrigin("file", "s.yaml:28"), s.origins().get("faults[0]"));
        assertEquals("file s.yaml:8", s.origins().get("kubeControllerManager.node-monitor-grace-period").toString());
    }

    @Test
    void aWorkloadAfterANamespaceIsNamedByItsManifestIndex() {
        Scenario s = ScenarioFiles.load(dir, BASE.replace("  workloads:\n",
                "  workloads:\n    - {apiVersion: v1, kind: Namespace, metadata: {name: shop}}\n"));
        EffectiveSettings.Setting web = EffectiveSettings.of(s).stream()
                .filter(r -> r.value().startsWith("Deployment")).findFirst().orElseThrow();
        assertEquals("workloads[1]", web.path());
        assertEquals(new SettingOrigin("file", "s.yaml:18"), web.origin());
    }

    @Test
    void workloadStartupInheritsFromDefault() {
        Scenario s = ScenarioFiles.load(dir, BASE.replace("  faults:\n",
                "  startup:\n    default: {containerStart: constant(2s)}\n    web: {imagePull: constant(0s)}\n  faults:\n"));
        assertEquals("constant(2s)", s.startup().forWorkload("web").containerStart().spec());
        assertEquals("constant(0s)", s.startup().forWorkload("web").imagePull().spec());
        assertEquals(new SettingOrigin("default", "startup.default"), s.origins().get("startup.web.containerStart"));
        assertEquals("file", s.origins().get("startup.default.containerStart").source());
    }
}
