package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.assertError;
import static io.nodesim.scenario.ScenarioFiles.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metadata.origins}: a scenario written by {@code nodesim import} names where its values came from. */
class ImportedOriginsTest {
    private static final String IMPORTED = edit("  name: base\n", """
              name: base
              origins:
                kubeControllerManager.node-monitor-grace-period: "kcm.json#$.items[0].spec.containers[0].command[5]"
                kubernetesVersion: "kcm.json#$.items[0].spec.containers[0].image"
            """);

    @TempDir
    Path dir;

    @Test
    void explainNamesTheImportedFileAndJsonPath() {
        Scenario s = ScenarioFiles.load(dir, IMPORTED);
        SettingOrigin grace = s.origins().get("kubeControllerManager.node-monitor-grace-period");
        assertEquals(new SettingOrigin("import", "kcm.json#$.items[0].spec.containers[0].command[5]"), grace);
        assertEquals("import kcm.json#$.items[0].spec.containers[0].command[5]", grace.toString());
        EffectiveSettings.Setting row = EffectiveSettings.of(s).stream()
                .filter(r -> r.path().equals("kubernetesVersion")).findFirst().orElseThrow();
        assertEquals("import kcm.json#$.items[0].spec.containers[0].image", row.origin().toString());
        assertEquals("profile", s.origins().get("kubeControllerManager.node-monitor-period").source());
    }

    @Test
    void aSetOverrideKeepsItsOwnOrigin() {
        Scenario s = ScenarioLoader.load(ScenarioFiles.write(dir, "s.yaml", IMPORTED),
                List.of("kubeControllerManager.node-monitor-grace-period=20s"));
        assertEquals("--set", s.origins().get("kubeControllerManager.node-monitor-grace-period").source());
    }

    @Test
    void anOriginForADefaultedSettingIsAnError() {
        String text = IMPORTED.replace("kubernetesVersion: \"kcm.json", "kubelet.nodeLeaseDurationSeconds: \"kcm.json");
        assertError(ScenarioFiles.fails(dir, text), 7, 39, "metadata.origins.kubelet.nodeLeaseDurationSeconds",
                "the scenario writes no value at spec.kubelet.nodeLeaseDurationSeconds", "profile");
    }

    @Test
    void anOriginThatIsNotFileHashJsonPathIsAnError() {
        String text = IMPORTED.replace("\"kcm.json#$.items[0].spec.containers[0].image\"", "kcm.json line 4");
        assertError(ScenarioFiles.fails(dir, text), 7, 24, "metadata.origins.kubernetesVersion", "expected FILE#JSONPATH");
    }
}
