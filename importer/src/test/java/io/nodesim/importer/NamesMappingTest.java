package io.nodesim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.nodesim.importer.anonymize.HmacNames;
import io.nodesim.importer.anonymize.Names;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer sends every name through {@link Names}: anonymised, no original node, namespace, workload,
 * pod, image, zone or label appears in the scenario, the workloads, the placement or the report, only
 * in {@code map.csv} (0600); the scenario still loads and places the same pods.
 */
class NamesMappingTest {
    @TempDir
    Path tmp;

    @Test
    void noOriginalNameIsWrittenOutsideTheMapAndTheScenarioStillLoads() throws Exception {
        Path out = tmp.resolve("anon");
        Importer.run(new Importer.Options(List.of(Samples.fixture("mixed-cluster.yaml")), Set.of(), Set.of(), out),
                HmacNames.withSalt("0123456789abcdef-test-salt".getBytes()));
        StringBuilder all = new StringBuilder();
        for (String f : List.of("scenario.yaml", "workloads.yaml", "initial-placement.csv", "import-report.md")) {
            all.append(Files.readString(out.resolve(f)));
        }
        for (String original : List.of("worker-1", "cp-1", "shop", "monitoring", "node-exporter", "nginx", "postgres",
                "web-7b9f6c8d5", "db-0", "debug-shell", "eu-west-1a", "dedicated", "app: web",
                "canary", "nightly-report", "business-critical")) {
            assertFalse(all.toString().contains(original), original);
        }
        String map = Files.readString(out.resolve("map.csv"));
        assertTrue(map.contains("worker-1") && map.contains("business-critical"), map);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("map.csv"))));
        Scenario s = ScenarioLoader.load(out.resolve("scenario.yaml"));
        assertEquals(6, s.workloads().size());
        assertEquals(11, s.initialPlacement().rows().size());
    }

    private static final Path SETTINGS = Path.of("src/test/resources/io/nodesim/importer/settings");

    /**
     * Kubernetes vocabulary (names kubeadm, kubectl and the controllers choose: components, the control-plane role,
     * the pod-template-hash label, kubectl run's label) and words of the report's prose that an input uses as a name.
     */
    private static final Set<String> VOCABULARY = Set.of("default", "kube-system", "kube-apiserver",
            "kube-controller-manager", "kube-scheduler", "etcd", "control-plane", "kubeadm-config", "pod-template-hash",
            "run", "file", "true", "false");

    /**
     * Every name an input holds: object, node, namespace, owner and container names, images, label keys and values,
     * annotation keys and values.
     */
    private static void names(JsonNode n, Set<String> out) {
        if (n.isArray()) {
            n.forEach(e -> names(e, out));
            return;
        }
        if (!n.isObject()) {
            return;
        }
        JsonNode meta = n.path("metadata");
        List.of("name", "namespace", "generateName").forEach(k -> out.add(meta.path(k).asText("")));
        for (String map : List.of("labels", "annotations")) {
            meta.path(map).fields().forEachRemaining(e -> {
                if (!Names.kubernetesKey(e.getKey())) {
                    out.add(e.getKey());
                }
                out.add(e.getValue().asText(""));
            });
        }
        meta.path("ownerReferences").forEach(o -> out.add(o.path("name").asText("")));
        out.add(n.path("spec").path("nodeName").asText(""));
        out.add(n.path("spec").path("storageClassName").asText(""));
        for (String list : List.of("containers", "initContainers")) {
            n.path("spec").path(list).forEach(c -> {
                out.add(c.path("name").asText(""));
                out.add(c.path("image").asText(""));
            });
        }
        n.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("metadata")) {
                names(e.getValue(), out);
            }
        });
    }

    @Test
    void withSettingsFilesAndTheirWarningsNoOriginalStringIsWrittenOutsideTheMap() throws Exception {
        // a second kube-controller-manager (an HA control plane) whose modelled flag differs from the first pod's,
        // and whose other flags carry host and cluster names: the report warns without naming any of them
        Path second = Files.writeString(tmp.resolve("kcm-acme-prod-cp-2.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: kube-controller-manager-acme-prod-cp-2
                  namespace: kube-system
                  labels: {component: kube-controller-manager, tier: control-plane}
                  annotations: {kubernetes.io/config.source: file, acme.example/owner: platform-team-zeta}
                spec:
                  nodeName: acme-prod-cp-2
                  containers:
                  - name: kube-controller-manager
                    image: registry.acme.example/kube-controller-manager:v1.23.12
                    command: [kube-controller-manager, --node-monitor-grace-period=20s, --cluster-name=acme-prod-eu,
                      --bind-address=acme-prod-cp-2.corp.acme.example]
                """);
        Path dump = Samples.fixture("mixed-cluster.yaml");
        List<Path> controlPlane = List.of(SETTINGS.resolve("control-plane-kind-1.23.json"), second);
        Path out = tmp.resolve("anon");
        Importer.Result r = Importer.run(new Importer.Options(List.of(dump), Set.of(), Set.of(), out,
                java.util.Optional.of(SETTINGS.resolve("configz-k8s-node-01.json")), controlPlane,
                java.util.Optional.of(SETTINGS.resolve("kubeadm-config-v1beta3.yaml"))),
                HmacNames.withSalt("0123456789abcdef-test-salt".getBytes()));
        assertTrue(r.settings().warnings().stream().anyMatch(w -> w.contains("differs from the first")),
                r.settings().warnings().toString());
        assertTrue(r.settings().warnings().stream().anyMatch(w -> w.contains("is not what the running")),
                r.settings().warnings().toString());

        Set<String> originals = new java.util.TreeSet<>();
        YAMLMapper yaml = new YAMLMapper();
        for (Path in : List.of(dump, controlPlane.get(0), second, SETTINGS.resolve("kubeadm-config-v1beta3.yaml"))) {
            try (var docs = yaml.readerFor(JsonNode.class).<JsonNode>readValues(in.toFile())) {
                docs.forEachRemaining(d -> names(d, originals));
            }
            originals.add(in.getFileName().toString().replaceFirst("\\.(json|ya?ml)$", ""));
        }
        // the node the configz was read from is named in its file name only; the kubeadm registry and cluster names
        originals.addAll(List.of("configz-k8s-node-01", "k8s-node-01", "acme-prod-eu", "acme.example",
                "registry.aliyuncs.com"));
        originals.removeIf(o -> o.isEmpty() || VOCABULARY.contains(o) || o.matches("[0-9.]+"));
        assertTrue(originals.size() > 80, originals.toString());

        List<String> left = new java.util.ArrayList<>();
        for (String f : List.of("scenario.yaml", "workloads.yaml", "initial-placement.csv", "import-report.md")) {
            String written = Files.readString(out.resolve(f));
            Set<String> fields = new java.util.HashSet<>(List.of(written.split("[\\s/=,:\"'`|()\\[\\]{}#]+")));
            for (String o : originals) {
                // a short value can occur inside a hex token by chance: it must not be a whole field there
                if (fields.contains(o) || o.length() >= 6 && written.contains(o)) {
                    left.add(f + ": " + o);
                }
            }
        }
        assertEquals(List.of(), left);
        String report = Files.readString(out.resolve("import-report.md"));
        assertTrue(report.contains("kubelet-configz#$.kubeletconfig.nodeStatusUpdateFrequency"), report);
        assertTrue(report.contains("control-plane-2#$.spec.containers[0].command[1]: --node-monitor-grace-period=20s"),
                report);
        assertTrue(report.contains("kubeadm-config#$.data.ClusterConfiguration/$.controllerManager"), report);
        assertTrue(Files.readString(out.resolve("scenario.yaml")).contains("\"control-plane-1#$.items[0].spec"));
        ScenarioLoader.load(out.resolve("scenario.yaml"));
    }
}
