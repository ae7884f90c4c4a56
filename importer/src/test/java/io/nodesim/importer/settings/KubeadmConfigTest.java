package io.nodesim.importer.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeadmConfigTest {
    @TempDir
    Path dir;

    private static ImportedSettings importKubeadm(Path file, Path... pods) {
        return SettingsImport.read(new SettingsImport.Sources(Optional.empty(), List.of(pods), Optional.of(file), List.of()));
    }

    @Test
    void v1beta3ExtraArgsMapsGiveTheControllerManagerAndApiServerSettings() {
        ImportedSettings s = importKubeadm(Fixtures.fixture("kubeadm-config-v1beta3.yaml"));
        var kcm = s.section("kubeControllerManager");
        assertEquals("16s", kcm.get("node-monitor-grace-period").scalar());
        assertEquals("2s", kcm.get("node-monitor-period").scalar());
        assertEquals("kubeadm-config-v1beta3.yaml#$.data.ClusterConfiguration/$.controllerManager.extraArgs"
                + "['node-monitor-grace-period']", kcm.get("node-monitor-grace-period").from().toString());
        assertEquals(30L, s.section("kubeApiServer").get("default-not-ready-toleration-seconds").scalar());
        assertEquals(List.of("authorization-mode"), s.notModelled().stream().map(NotModelled::name).toList());
        assertEquals("1.25", s.version().orElseThrow().version().toString());
        assertEquals("kubeadm-config-v1beta3.yaml#$.data.ClusterConfiguration/$.kubernetesVersion",
                s.version().orElseThrow().from().toString());
    }

    @Test
    void v1beta4NameValueListsKeepTheLastOfARepeatedName() {
        ImportedSettings s = importKubeadm(Fixtures.fixture("kubeadm-config-v1beta4.yaml"));
        var grace = s.section("kubeControllerManager").get("node-monitor-grace-period");
        assertEquals("20s", grace.scalar());
        assertEquals("kubeadm-config-v1beta4.yaml#$.data.ClusterConfiguration/$.controllerManager.extraArgs[2].value",
                grace.from().toString());
        assertEquals(60L, s.section("kubeApiServer").get("default-unreachable-toleration-seconds").scalar());
        assertEquals(List.of("kube-controller-manager bind-address", "kube-scheduler config"), s.notModelled().stream()
                .map(n -> n.component() + " " + n.name()).toList());
        assertEquals("1.32", s.version().orElseThrow().version().toString());
    }

    @Test
    void v1beta4WithAMapIsBadInputAtExtraArgs() throws Exception {
        String text = Files.readString(Fixtures.fixture("kubeadm-config-v1beta3.yaml"))
                .replace("kubeadm.k8s.io/v1beta3", "kubeadm.k8s.io/v1beta4");
        Path f = Fixtures.write(dir, "kubeadm-config.yaml", text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> importKubeadm(f));
        assertTrue(e.getMessage().startsWith("kubeadm-config.yaml#$.data.ClusterConfiguration/$.apiServer.extraArgs: "
                + "kubeadm.k8s.io/v1beta4 writes extraArgs as a list of {name, value}"), e.getMessage());
    }

    @Test
    void anUnknownFlagInExtraArgsIsBadInputAtItsEntry() throws Exception {
        String text = Files.readString(Fixtures.fixture("kubeadm-config-v1beta3.yaml"))
                .replace("node-monitor-period: 2s", "node-monitor-periods: 2s");
        Path f = Fixtures.write(dir, "kubeadm-config.yaml", text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> importKubeadm(f));
        assertTrue(e.getMessage().startsWith("kubeadm-config.yaml#$.data.ClusterConfiguration/$.controllerManager"
                + ".extraArgs['node-monitor-periods']: --node-monitor-periods is not a flag of kube-controller-manager"),
                e.getMessage());
    }

    @Test
    void theRunningPodWinsOverKubeadmAndTheDifferenceIsReported() {
        ImportedSettings s = importKubeadm(Fixtures.fixture("kubeadm-config-v1beta3.yaml"),
                Fixtures.fixture("kcm-docker-desktop.yaml"));
        var grace = s.section("kubeControllerManager").get("node-monitor-grace-period");
        assertEquals("3m0s", grace.scalar());
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("kubeadm-config-v1beta3.yaml#$.data.ClusterConfiguration/"
                + "$.controllerManager.extraArgs['node-monitor-grace-period']: kubeadm's --node-monitor-grace-period=16s "
                + "is not what the running kube-controller-manager has")), s.warnings().toString());
        // kube-apiserver has no pod in the input, so kubeadm's flags stand for it
        assertEquals(30L, s.section("kubeApiServer").get("default-unreachable-toleration-seconds").scalar());
        // the image tag beats kubeadm's kubernetesVersion
        assertEquals("kcm-docker-desktop.yaml#$.spec.containers[0].image", s.version().orElseThrow().from().toString());
    }

    @Test
    void aConfigMapWithoutClusterConfigurationIsBadInput() {
        Path f = Fixtures.write(dir, "kubelet-config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: kubelet-config, namespace: kube-system}
                data:
                  kubelet: |
                    apiVersion: kubelet.config.k8s.io/v1beta1
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> importKubeadm(f));
        assertTrue(e.getMessage().startsWith("kubelet-config.yaml#$.data.ClusterConfiguration: expected the kubeadm-config "
                + "ConfigMap"), e.getMessage());
    }
}
