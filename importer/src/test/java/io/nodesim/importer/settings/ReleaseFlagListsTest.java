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

/**
 * The flag lists cover every release nodesim reads (1.12 to 1.36): flags added in 1.32-1.36 are accepted, flags
 * removed since 1.12 stay known, and a name no release registered is bad input. Each flag named here is cited in
 * its list's header (kubernetes/website reference pages, CHANGELOG-1.36.md, cmd/kube-controller-manager/app/options).
 */
class ReleaseFlagListsTest {
    @TempDir
    Path dir;

    private Path pod(String component, String image, String... command) {
        StringBuilder b = new StringBuilder("""
                apiVersion: v1
                kind: Pod
                metadata: {name: %s, namespace: kube-system}
                spec:
                  containers:
                  - name: %s
                    image: %s
                    command:
                """.formatted(component, component, image));
        for (String c : command) {
            b.append("    - \"").append(c).append("\"\n");
        }
        return Fixtures.write(dir, component + ".yaml", b.toString());
    }

    private static ImportedSettings importPods(Path... files) {
        return SettingsImport.read(new SettingsImport.Sources(Optional.empty(), List.of(files), Optional.empty(), List.of()));
    }

    private static List<String> notModelled(ImportedSettings s, String component) {
        return s.notModelled().stream().filter(n -> n.component().equals(component)).map(NotModelled::name).toList();
    }

    @Test
    void controllerManagerFlagsAddedIn132To136AreAcceptedAndReportedAsNotModelled() {
        Path f = pod("kube-controller-manager", "registry.k8s.io/kube-controller-manager:v1.36.0",
                "kube-controller-manager", "--concurrent-device-taint-eviction-syncs=8",
                "--controller-shutdown-timeout=10s", "--min-compatibility-version=1.35",
                "--concurrent-resourceclaim-syncs=20", "--tls-curve-preferences=23,29",
                "--concurrent-daemonset-syncs=2", "--node-monitor-grace-period=50s");
        ImportedSettings s = importPods(f);
        assertEquals("50s", s.section("kubeControllerManager").get("node-monitor-grace-period").scalar());
        assertEquals(List.of("concurrent-daemonset-syncs", "concurrent-device-taint-eviction-syncs",
                "concurrent-resourceclaim-syncs", "controller-shutdown-timeout", "min-compatibility-version",
                "tls-curve-preferences"), notModelled(s, "kube-controller-manager").stream().sorted().toList());
    }

    @Test
    void schedulerAndApiServerFlagsOf136AndTheJsonLoggingFlagsAreAccepted() {
        Path scheduler = pod("kube-scheduler", "registry.k8s.io/kube-scheduler:v1.36.0", "kube-scheduler",
                "--min-compatibility-version=1.35", "--tls-curve-preferences=29", "--logging-format=json",
                "--log-json-split-stream", "--log-json-info-buffer-size=1Mi");
        Path apiServer = pod("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.36.0", "kube-apiserver",
                "--tls-curve-preferences=23", "--coordinated-leadership-lease-duration=15s",
                "--emulation-forward-compatible", "--log-json-split-stream=true");
        ImportedSettings s = importPods(scheduler, apiServer);
        assertEquals(List.of("min-compatibility-version", "tls-curve-preferences", "logging-format",
                "log-json-split-stream", "log-json-info-buffer-size"), notModelled(s, "kube-scheduler"));
        assertEquals(List.of("tls-curve-preferences", "coordinated-leadership-lease-duration",
                "emulation-forward-compatible", "log-json-split-stream"), notModelled(s, "kube-apiserver"));
    }

    @Test
    void flagsRemovedSince112AreStillFlagsOfTheirComponent() {
        Path kcm = pod("kube-controller-manager", "k8s.gcr.io/kube-controller-manager:v1.13.5",
                "kube-controller-manager", "--enable-taint-manager=true", "--pod-eviction-timeout=1m",
                "--address=127.0.0.1", "--port=10252", "--deleting-pods-qps=0.1", "--register-retry-count=10",
                "--horizontal-pod-autoscaler-use-rest-clients=true", "--deployment-controller-sync-period=30s",
                "--node-sync-period=10s", "--logtostderr=true");
        Path apiServer = pod("kube-apiserver", "k8s.gcr.io/kube-apiserver:v1.13.5", "kube-apiserver",
                "--insecure-port=0", "--insecure-bind-address=127.0.0.1", "--kubelet-https=true",
                "--etcd-quorum-read=true", "--storage-versions=v1", "--repair-malformed-updates=false",
                "--basic-auth-file=/etc/users.csv", "--enable-swagger-ui=true");
        Path scheduler = pod("kube-scheduler", "k8s.gcr.io/kube-scheduler:v1.13.5", "kube-scheduler",
                "--algorithm-provider=DefaultProvider", "--policy-config-file=/etc/policy.json",
                "--lock-object-name=kube-scheduler", "--address=127.0.0.1");
        ImportedSettings s = importPods(kcm, apiServer, scheduler);
        assertEquals(Boolean.TRUE, s.section("kubeControllerManager").get("enable-taint-manager").scalar());
        assertEquals("1m0s", s.section("kubeControllerManager").get("pod-eviction-timeout").scalar());
        assertEquals(8, notModelled(s, "kube-apiserver").size());
        assertEquals(4, notModelled(s, "kube-scheduler").size());
    }

    @Test
    void aFlagNoReleaseRegisteredIsBadInputNamingTheReleaseRange() {
        Path f = pod("kube-controller-manager", "registry.k8s.io/kube-controller-manager:v1.36.0",
                "kube-controller-manager", "--node-monitor-grace-period-seconds=40");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importPods(f));
        assertTrue(e.getMessage().contains("--node-monitor-grace-period-seconds is not a flag of "
                + "kube-controller-manager (flag list: "), e.getMessage());
        assertTrue(e.getMessage().contains(" flags of releases 1.12 to 1.36, kube-controller-manager.flags)"),
                e.getMessage());
    }

    @Test
    void aFlagRemovedBeforeTheOldestSupportedReleaseIsBadInput() {
        // --service-sync-period left kube-controller-manager in 1.10 (CHANGELOG: #59359)
        Path f = pod("kube-controller-manager", "k8s.gcr.io/kube-controller-manager:v1.12.10",
                "kube-controller-manager", "--service-sync-period=5m");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importPods(f));
        assertTrue(e.getMessage().contains("--service-sync-period is not a flag of kube-controller-manager"),
                e.getMessage());
    }

    @Test
    void underscoresReadAsDashesAsWordSepNormalizeFuncReadsThem() {
        Path f = pod("kube-controller-manager", "registry.k8s.io/kube-controller-manager:v1.20.15",
                "kube-controller-manager", "--node_monitor_grace_period=40s", "--concurrent_rc_syncs=5",
                "--log_dir=/var/log");
        ImportedSettings s = importPods(f);
        assertEquals("40s", s.section("kubeControllerManager").get("node-monitor-grace-period").scalar());
        assertEquals(List.of("concurrent-rc-syncs", "log-dir"), notModelled(s, "kube-controller-manager"));
    }

    @Test
    void everyListIsLoadedWithNamesInDashForm() {
        for (Component c : Component.values()) {
            FlagCatalog catalog = FlagCatalog.of(c);
            assertTrue(catalog.size() > 80, c + ": " + catalog.size());
            assertTrue(catalog.known("feature-gates") && catalog.known("v") && catalog.takesNoSeparateValue("help"), c.toString());
        }
        assertEquals(181, FlagCatalog.of(Component.KUBE_CONTROLLER_MANAGER).size());
    }
}
