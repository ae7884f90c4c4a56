package io.nodesim.importer.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scenario.EffectiveSettings;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scenario.VersionProfiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the scenario writer makes of imported settings is a scenario the engine loads, and explain names the import. */
class ImportedScenarioTest {
    @TempDir
    Path dir;

    /** The scenario text the writer produces for these settings: sections, version and metadata.origins. */
    static String scenario(ImportedSettings s) {
        StringBuilder b = new StringBuilder("apiVersion: nodesim.io/v1alpha1\nkind: Scenario\nmetadata:\n  name: imported\n");
        b.append("  origins:\n");
        s.origins().forEach((path, origin) -> b.append("    ").append(path).append(": \"").append(origin).append("\"\n"));
        b.append("spec:\n");
        s.version().ifPresent(v -> b.append("  kubernetesVersion: \"").append(v.version()).append("\"\n"));
        s.sections().forEach((section, values) -> {
            b.append("  ").append(section).append(":\n");
            values.forEach((name, v) -> b.append("    ").append(name).append(": ")
                    .append(v.scalar() instanceof String t ? "\"" + t + "\"" : v.text()).append('\n'));
        });
        b.append("  nodes:\n    - name: n1\n      allocatable: {cpu: \"4\", memory: 8Gi, pods: \"110\"}\n");
        return b.toString();
    }

    @Test
    void explainShowsImportFileAndJsonPathForEveryImportedValue() {
        ImportedSettings s = SettingsImport.read(new SettingsImport.Sources(
                Optional.of(Fixtures.fixture("configz-k8s-node-01.json")), List.of(Fixtures.fixture("kcm-docker-desktop.yaml")),
                Optional.of(Fixtures.fixture("kubeadm-config-v1beta3.yaml")), List.of()));
        Path file = Fixtures.write(dir, "scenario.yaml", scenario(s));
        Scenario loaded = ScenarioLoader.load(file);
        assertEquals(180_000_000L, loaded.kubeControllerManager().nodeMonitorGracePeriod());
        assertEquals(30L, loaded.kubeApiServer().defaultUnreachableTolerationSeconds());
        Map<String, String> explained = new java.util.HashMap<>();
        EffectiveSettings.of(loaded).forEach(r -> explained.put(r.path(), r.origin().toString()));
        assertEquals("import kcm-docker-desktop.yaml#$.spec.containers[0].command[12]",
                explained.get("kubeControllerManager.node-monitor-grace-period"));
        assertEquals("import kubeadm-config-v1beta3.yaml#$.data.ClusterConfiguration/$.apiServer.extraArgs"
                + "['default-unreachable-toleration-seconds']",
                explained.get("kubeApiServer.default-unreachable-toleration-seconds"));
        assertEquals("import configz-k8s-node-01.json#$.kubeletconfig.nodeLeaseDurationSeconds",
                explained.get("kubelet.nodeLeaseDurationSeconds"));
        assertEquals("import kcm-docker-desktop.yaml#$.spec.containers[0].image", explained.get("kubernetesVersion"));
        assertTrue(explained.get("kubeControllerManager.node-eviction-rate").startsWith("profile"));
    }

    @Test
    void everyModelledFlagInEveryKindIsOneTheScenarioAccepts() {
        // guards against drift between Component's table and the engine's sections: each modelled flag, with a value
        // of its kind, loads on a release that still has it
        StringBuilder kcm = new StringBuilder();
        StringBuilder api = new StringBuilder();
        Map<ValueKind, String> sample = Map.of(ValueKind.DURATION, "\"1m0s\"", ValueKind.NUMBER, "0.5",
                ValueKind.INTEGER, "7", ValueKind.BOOLEAN, "true");
        Component.KUBE_CONTROLLER_MANAGER.modelled().forEach((name, kind) ->
                kcm.append("    ").append(name).append(": ").append(sample.get(kind)).append('\n'));
        Component.KUBE_APISERVER.modelled().forEach((name, kind) ->
                api.append("    ").append(name).append(": ").append(sample.get(kind)).append('\n'));
        StringBuilder kubelet = new StringBuilder();
        KubeletConfigz.MODELLED.forEach((name, kind) ->
                kubelet.append("    ").append(name).append(": ").append(sample.get(kind)).append('\n'));
        Path file = Fixtures.write(dir, "all.yaml", "apiVersion: nodesim.io/v1alpha1\nkind: Scenario\nspec:\n"
                + "  kubernetesVersion: \"1.26\"\n  kubelet:\n" + kubelet + "  kubeControllerManager:\n" + kcm
                + "  kubeApiServer:\n" + api + "  nodes:\n    - name: n1\n");
        Scenario s = ScenarioLoader.load(file);
        assertEquals(7, s.kubeApiServer().defaultNotReadyTolerationSeconds());
        assertEquals(60_000_000L, s.kubelet().nodeStatusUpdateFrequency());
        assertTrue(VersionProfiles.forVersion(s.kubernetesVersion()).profile().taintManagerFlag());
    }

    @Test
    void fromOneTwentySevenTheRemovedLegacyFlagsAreDroppedWithTheirReason() {
        Path kcm = Fixtures.write(dir, "kcm.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: kube-controller-manager, namespace: kube-system}
                spec:
                  containers:
                  - name: kube-controller-manager
                    image: registry.k8s.io/kube-controller-manager:v1.26.0
                    command: [kube-controller-manager, --pod-eviction-timeout=1m, --node-monitor-grace-period=20s]
                """);
        var nodes = List.of(new VersionDetector.NodeVersion("v1.27.3", Provenance.root("nodes.json")));
        ImportedSettings on126 = SettingsImport.read(new SettingsImport.Sources(Optional.empty(), List.of(kcm),
                Optional.empty(), nodes));
        assertEquals("1m0s", on126.section("kubeControllerManager").get("pod-eviction-timeout").scalar());
        Path kcm127 = Fixtures.write(dir, "kcm127.yaml", java.util.regex.Pattern.compile("v1\\.26\\.0")
                .matcher(readString(kcm)).replaceAll("v1.27.1"));
        ImportedSettings on127 = SettingsImport.read(new SettingsImport.Sources(Optional.empty(), List.of(kcm127),
                Optional.empty(), nodes));
        assertEquals(List.of("node-monitor-grace-period"), List.copyOf(on127.section("kubeControllerManager").keySet()));
        assertTrue(on127.notModelled().get(0).reason().startsWith("removed in 1.27"), on127.notModelled().toString());
        Scenario loaded = ScenarioLoader.load(Fixtures.write(dir, "s.yaml", scenario(on127)));
        assertEquals(20_000_000L, loaded.kubeControllerManager().nodeMonitorGracePeriod());
    }

    private static String readString(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
