package io.nodesim.scenario.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scenario.EffectiveSettings;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scenario.VersionProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry drives parsing, --set, explain and labels: what it declares is what the loader does. */
class SettingRegistryTest {
    private static final Path EXAMPLE = Path.of("..", "scenarios", "single-node-crash.yaml");

    @TempDir
    Path dir;

    @Test
    void everySettingIsDeclaredOnce_withADocAndALabel() {
        Set<String> paths = new HashSet<>();
        for (SettingSpec<?> s : SettingRegistry.all()) {
            assertTrue(paths.add(s.path()), "declared twice: " + s.path());
            assertFalse(s.doc().isBlank(), s.path());
            assertFalse(s.label().isBlank(), s.path());
        }
        assertEquals(30, paths.size());
    }

    @Test
    void explain_listsEveryRegistrySetting_withTheLoadedValue_andItsDefaultFromTheProfile() {
        Scenario s = ScenarioLoader.load(EXAMPLE);
        Map<String, EffectiveSettings.Setting> rows = EffectiveSettings.of(s).stream()
                .collect(Collectors.toMap(EffectiveSettings.Setting::path, r -> r, (a, b) -> a));
        VersionProfiles.Row row = VersionProfiles.forVersion(s.kubernetesVersion());
        for (SettingSpec<?> setting : SettingRegistry.all()) {
            EffectiveSettings.Setting r = rows.get(setting.path());
            assertTrue(r != null, "explain shows " + setting.path());
            assertTrue(r.value().startsWith(setting.shown(s)), setting.path() + ": " + r.value());
            assertEquals(setting.docWithUnit(), r.doc());
            if (r.origin().source().equals("profile") && setting.fromProfile()
                    && setting != SettingRegistry.NODE_STATUS_REPORT_FREQUENCY) {
                assertEquals(setting.defaultFor().apply(row), setting.value().apply(s), setting.path());
            }
        }
    }

    @Test
    void theDefaultOfARowIsWhatTheLoaderUses_forEveryVersion() throws IOException {
        String text = Files.readString(EXAMPLE);
        for (VersionProfiles.Row row : VersionProfiles.rows()) {
            KubernetesVersion v = new KubernetesVersion(1, row.fromMinor());
            Path f = dir.resolve("v.yaml");
            Files.writeString(f, text.replaceFirst("kubernetesVersion: \"[0-9.]+\"", "kubernetesVersion: \"" + v + "\""));
            Scenario s = ScenarioLoader.load(f, List.of("kubeControllerManager.node-monitor-grace-period=null"));
            assertEquals(v, s.kubernetesVersion());
            assertEquals(SettingRegistry.NODE_MONITOR_GRACE_PERIOD.defaultFor().apply(row),
                    s.kubeControllerManager().nodeMonitorGracePeriod(), v.toString());
        }
    }

    @Test
    void aSetOfAnUnknownSetting_namesTheRegistrySettings() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(EXAMPLE, List.of("kubelet.nodeStatusUpdateFrequncy=5s")));
        assertTrue(e.getMessage().contains("unknown setting \"nodeStatusUpdateFrequncy\"; did you mean "
                + "\"nodeStatusUpdateFrequency\"? (settings of kubelet: nodeStatusUpdateFrequency, "
                + "nodeStatusReportFrequency, nodeLeaseDurationSeconds, shutdownGracePeriod, shutdownGracePeriodCriticalPods)"),
                e.getMessage());
    }

    @Test
    void aSetIsReadWithTheSettingsType() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(EXAMPLE, List.of("kubeControllerManager.unhealthy-zone-threshold=2")));
        assertTrue(e.getMessage().contains("expected a number in [0, 1], got 2"), e.getMessage());
        assertEquals(0.3, ScenarioLoader.load(EXAMPLE, List.of("kubeControllerManager.unhealthy-zone-threshold=0.3"))
                .kubeControllerManager().unhealthyZoneThreshold());
    }
}
