package io.nodesim.importer.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlPlaneFlagsTest {
    @TempDir
    Path dir;

    private static ImportedSettings importPods(Path... files) {
        return SettingsImport.read(new SettingsImport.Sources(Optional.empty(), List.of(files), Optional.empty(), List.of()));
    }

    /** One static pod of {@code component} with the given command, as kubeadm writes its manifests. */
    private Path pod(String component, String image, String... command) {
        StringBuilder b = new StringBuilder("""
                apiVersion: v1
                kind: Pod
                metadata:
                  labels: {component: %s, tier: control-plane}
                  name: %s
                  namespace: kube-system
                spec:
                  containers:
                  - command:
                """.formatted(component, component));
        for (String c : command) {
            b.append("    - \"").append(c).append("\"\n");
        }
        b.append("    image: ").append(image).append("\n    name: ").append(component).append('\n');
        return Fixtures.write(dir, component + ".yaml", b.toString());
    }

    @Test
    void theModelledFlagsOfARealControllerManagerPodBecomeItsSectionInGoDurations() {
        ImportedSettings s = importPods(Fixtures.fixture("kcm-docker-desktop.yaml"));
        var kcm = s.section("kubeControllerManager");
        assertEquals(List.of("node-monitor-grace-period", "node-monitor-period"), List.copyOf(kcm.keySet()));
        assertEquals("3m0s", kcm.get("node-monitor-grace-period").scalar());
        assertEquals("180s", kcm.get("node-monitor-grace-period").raw());
        assertEquals("30s", kcm.get("node-monitor-period").scalar());
        assertEquals("kcm-docker-desktop.yaml#$.spec.containers[0].command[12]",
                kcm.get("node-monitor-grace-period").from().toString());
        assertEquals(new KubernetesVersion(1, 25), s.version().orElseThrow().version());
        assertEquals("kcm-docker-desktop.yaml#$.spec.containers[0].image", s.version().orElseThrow().from().toString());
    }

    @Test
    void realFlagsNodesimDoesNotModelAreListedWithTheirPlace() {
        ImportedSettings s = importPods(Fixtures.fixture("kcm-docker-desktop.yaml"));
        List<String> names = s.notModelled().stream().map(NotModelled::name).toList();
        assertEquals(List.of("authentication-kubeconfig", "authorization-kubeconfig", "bind-address", "client-ca-file",
                "cluster-name", "cluster-signing-cert-file", "cluster-signing-key-file", "controllers",
                "horizontal-pod-autoscaler-sync-period", "kubeconfig", "leader-elect", "pvclaimbinder-sync-period",
                "requestheader-client-ca-file", "root-ca-file", "service-account-private-key-file",
                "use-service-account-credentials"), names);
        NotModelled leader = s.notModelled().get(10);
        assertEquals("kube-controller-manager", leader.component());
        assertEquals("kcm-docker-desktop.yaml#$.spec.containers[0].command[11]", leader.from().toString());
    }

    @Test
    void aControlPlaneListIsReadPerComponentAndEtcdIsIgnored() {
        ImportedSettings s = importPods(Fixtures.fixture("control-plane-kind-1.23.json"));
        assertTrue(s.sections().isEmpty(), s.sections().toString());
        assertEquals("control-plane-kind-1.23.json#$.items[0].spec.containers[0].image",
                s.version().orElseThrow().from().toString());
        assertEquals("1.23", s.version().orElseThrow().version().toString());
        assertTrue(s.notModelled().stream().noneMatch(n -> n.component().equals("etcd") || n.name().equals("data-dir")));
        assertEquals(28, s.notModelled().stream().filter(n -> n.component().equals("kube-apiserver")).count());
        assertEquals(18, s.notModelled().stream().filter(n -> n.component().equals("kube-controller-manager")).count());
        assertEquals(5, s.notModelled().stream().filter(n -> n.component().equals("kube-scheduler")).count());
    }

    @Test
    void aFlagThatIsNotAFlagOfItsComponentIsBadInputAtItsArgument() {
        Path f = pod("kube-controller-manager", "registry.k8s.io/kube-controller-manager:v1.30.2",
                "kube-controller-manager", "--node-monitor-grace-period=20s", "--node-monitor-grace=20s");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importPods(f));
        assertTrue(e.getMessage().startsWith("kube-controller-manager.yaml#$.spec.containers[0].command[2]: "
                + "--node-monitor-grace is not a flag of kube-controller-manager"), e.getMessage());
    }

    @Test
    void aSchedulerFlagGivenToTheApiServerIsBadInput() {
        Path f = pod("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.30.2", "kube-apiserver",
                "--secure-port=6443", "--policy-config-file=/etc/p.json");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importPods(f));
        assertTrue(e.getMessage().contains("--policy-config-file is not a flag of kube-apiserver"), e.getMessage());
    }

    @Test
    void spaceSeparatedValuesAndBareBooleansAreReadAsPflagReadsThem() {
        Path f = pod("kube-controller-manager", "registry.k8s.io/kube-controller-manager:v1.26.15",
                "/usr/local/bin/kube-controller-manager", "--enable-taint-manager", "--node-eviction-rate", "0.2",
                "-v", "2", "--unhealthy-zone-threshold=0.6", "--large-cluster-size-threshold", "20",
                "--pod-eviction-timeout=2m");
        var kcm = importPods(f).section("kubeControllerManager");
        assertEquals(Boolean.TRUE, kcm.get("enable-taint-manager").scalar());
        assertEquals(0.2, kcm.get("node-eviction-rate").scalar());
        assertEquals("kube-controller-manager.yaml#$.spec.containers[0].command[2]",
                kcm.get("node-eviction-rate").from().toString());
        assertEquals(0.6, kcm.get("unhealthy-zone-threshold").scalar());
        assertEquals(20L, kcm.get("large-cluster-size-threshold").scalar());
        assertEquals("2m0s", kcm.get("pod-eviction-timeout").scalar());
    }

    @Test
    void aBooleanTakesNoSeparateValueSoAWordAfterItIsAnArgumentAndBadInput() {
        Path f = pod("kube-controller-manager", "k8s.gcr.io/kube-controller-manager:v1.20.0",
                "kube-controller-manager", "--enable-taint-manager", "false");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importPods(f));
        assertTrue(e.getMessage().startsWith("kube-controller-manager.yaml#$.spec.containers[0].command[2]: "
                + "kube-controller-manager takes no arguments, got \"false\""), e.getMessage());
    }

    @Test
    void booleanSpellingsOfGoParseBoolAreAccepted() {
        Path f = pod("kube-controller-manager", "k8s.gcr.io/kube-controller-manager:v1.20.0",
                "kube-controller-manager", "--enable-taint-manager=F");
        assertEquals(Boolean.FALSE, importPods(f).section("kubeControllerManager").get("enable-taint-manager").scalar());
    }

    @Test
    void aMalformedValueOfAModelledFlagIsBadInput() {
        Path f = pod("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.30.2", "kube-apiserver",
                "--default-not-ready-toleration-seconds=5m");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importPods(f));
        assertTrue(e.getMessage().contains("command[1]: --default-not-ready-toleration-seconds of kube-apiserver: "
                + "expected an integer"), e.getMessage());
    }

    @Test
    void hyperkubeCommandsNameTheirComponentInTheSecondArgument() {
        // the static pod a CoreOS-era installer rendered (hyperkube, --master on the insecure port)
        Path f = pod("kube-controller-manager", "quay.io/coreos/hyperkube:v1.9.6_coreos.2", "/hyperkube",
                "kube-controller-manager", "--node-monitor-grace-period=5m",
                "--kubeconfig=/etc/kubernetes/kubeconfig.yaml", "--master=http://127.0.0.1:8080", "--v=2");
        ImportedSettings s = importPods(f);
        assertEquals("5m0s", s.section("kubeControllerManager").get("node-monitor-grace-period").scalar());
        // "v1.9.6_coreos.2" is not a release tag (a build suffix starts with - or +), so no version is read from it
        assertTrue(s.version().isEmpty());
    }

    @Test
    void laterOccurrencesOfAFlagWinAsInPflag() {
        Path f = pod("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.30.2", "kube-apiserver",
                "--default-unreachable-toleration-seconds=120", "--default-unreachable-toleration-seconds", "30");
        var api = importPods(f).section("kubeApiServer");
        assertEquals(30L, api.get("default-unreachable-toleration-seconds").scalar());
        assertEquals("kube-apiserver.yaml#$.spec.containers[0].command[2]",
                api.get("default-unreachable-toleration-seconds").from().toString());
    }

    @Test
    void anHaControlPlaneUsesTheFirstPodAndReportsADifferentValue() {
        Path a = pod("kube-controller-manager", "registry.k8s.io/kube-controller-manager:v1.30.2",
                "kube-controller-manager", "--node-monitor-grace-period=20s");
        Path b = Fixtures.write(dir, "b.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: kube-controller-manager-cp2, namespace: kube-system}
                spec:
                  containers:
                  - name: kube-controller-manager
                    image: registry.k8s.io/kube-controller-manager:v1.30.2
                    command: [kube-controller-manager, --node-monitor-grace-period=40s]
                """);
        ImportedSettings s = importPods(a, b);
        assertEquals("20s", s.section("kubeControllerManager").get("node-monitor-grace-period").scalar());
        assertEquals(1, s.warnings().size());
        assertTrue(s.warnings().get(0).startsWith("b.yaml#$.spec.containers[0].command[1]: --node-monitor-grace-period=40s "
                + "differs from the first kube-controller-manager pod"), s.warnings().get(0));
    }

    @Test
    void aComponentStartedByAShellScriptIsReportedNotParsed() {
        Path f = pod("kube-apiserver", "quay.io/openshift/origin-hyperkube:4.20", "/bin/bash", "-euxo", "pipefail",
                "-c", "exec hyperkube kube-apiserver --openshift-config=/etc/kubernetes/config.yaml");
        ImportedSettings s = importPods(f);
        assertTrue(s.sections().isEmpty());
        assertTrue(s.warnings().get(0).contains("started by a shell script"), s.warnings().toString());
    }

    @Test
    void aFileWithNoPodIsBadInput() {
        Path f = Fixtures.write(dir, "cm.json", "{\"kind\": \"ConfigMap\", \"apiVersion\": \"v1\", \"data\": {}}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importPods(f));
        assertTrue(e.getMessage().startsWith("cm.json#$: no Pod found"), e.getMessage());
    }

    @Test
    void notYamlNamesTheFileLineAndColumn() {
        Path f = Fixtures.write(dir, "bad.yaml", "apiVersion: v1\nkind: Pod\nspec: {containers: [\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importPods(f));
        assertTrue(e.line() > 0 && e.getMessage().startsWith(f + ":"), e.getMessage());
    }
}
