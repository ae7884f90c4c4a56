package io.nodesim.scenario.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import io.nodesim.scenario.parse.YNode.YScalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binding with deserializers built on demand must give the objects Jackson gives when it builds the
 * whole fabric8 type graph up front.
 */
class OnDemandDeserializersTest {
    private static final ObjectMapper UP_FRONT = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Deployment", Deployment.class,
            "DaemonSet", DaemonSet.class, "StatefulSet", StatefulSet.class, "ReplicaSet", ReplicaSet.class,
            "Pod", Pod.class);

    /** Most of what a pod template can hold: nested beans, lists and maps of beans, IntOrString, Quantity. */
    private static final String RICH = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop, labels: {app: web}, annotations: {a: b}}
            spec:
              replicas: 3
              minReadySeconds: 5
              strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}}
              selector: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [a, b]}]}
              template:
                metadata: {labels: {app: web}}
                spec:
                  priorityClassName: high
                  terminationGracePeriodSeconds: 45
                  nodeSelector: {disk: ssd}
                  tolerations:
                    - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30}
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: NotIn, values: [c]}]}]
                      preferredDuringSchedulingIgnoredDuringExecution:
                        - {weight: 10, preference: {matchExpressions: [{key: gpu, operator: Exists}]}}
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                        - weight: 100
                          podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}}
                  topologySpreadConstraints:
                    - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule,
                       labelSelector: {matchLabels: {app: web}}, minDomains: 2}
                  volumes:
                    - {name: data, persistentVolumeClaim: {claimName: data}}
                    - {name: cache, emptyDir: {sizeLimit: 1Gi}}
                    - {name: conf, configMap: {name: web-conf, items: [{key: a, path: b}]}}
                  initContainers:
                    - {name: init, image: "busybox:1", command: [sh, -c, "true"]}
                  containers:
                    - name: web
                      image: "registry.example/web:1.0"
                      ports: [{containerPort: 8080, name: http}]
                      env:
                        - {name: A, value: "1"}
                        - {name: B, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                      resources: {requests: {cpu: 250m, memory: 512Mi}, limits: {memory: 1Gi}}
                      readinessProbe: {httpGet: {path: /ready, port: http}, initialDelaySeconds: 5, periodSeconds: 10}
                      livenessProbe: {tcpSocket: {port: 8080}, failureThreshold: 3}
                      startupProbe: {exec: {command: [cat, /tmp/ok]}}
                      lifecycle: {preStop: {sleep: {seconds: 5}}}
                      securityContext: {runAsNonRoot: true, capabilities: {drop: [ALL]}}
                      volumeMounts: [{name: data, mountPath: /data}]
            """;

    @Test
    void aRichManifestBindsAsJacksonBindsItUpFront(@TempDir Path dir) throws IOException {
        YNode manifest = documents(dir, RICH).get(0);
        Deployment onDemand = ManifestReader.read(manifest, Deployment.class, "spec.workloads[0]");
        Deployment upFront = UP_FRONT.treeToValue(ManifestReader.toJson(manifest), Deployment.class);
        assertEquals(upFront, onDemand);
        // the comparison would pass on two empty objects: make sure the deep values are there
        assertEquals("25%", onDemand.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getStrVal());
        assertEquals("http", onDemand.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe()
                .getHttpGet().getPort().getStrVal());
        assertEquals(5, onDemand.getSpec().getTemplate().getSpec().getContainers().get(0).getLifecycle().getPreStop()
                .getSleep().getSeconds());
    }

    @Test
    void everyExampleScenarioWorkloadBindsAsJacksonBindsItUpFront() throws IOException {
        int compared = 0;
        try (Stream<Path> files = Files.list(Path.of("..", "scenarios"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (YNode doc : YamlReader.readFile(file, file.toString(), null, null)) {
                    if (!(doc instanceof YMap scenario) || !(scenario.get("spec") instanceof YMap spec)
                            || !(spec.get("workloads") instanceof YList workloads)) {
                        continue;
                    }
                    for (YNode item : workloads.items()) {
                        if (item instanceof YMap m && m.get("kind") instanceof YScalar kind
                                && KINDS.containsKey(kind.text())) {
                            Class<? extends HasMetadata> type = KINDS.get(kind.text());
                            assertEquals(UP_FRONT.treeToValue(ManifestReader.toJson(item), type),
                                    ManifestReader.read(item, type, file.toString()), file.toString());
                            compared++;
                        }
                    }
                }
            }
        }
        assertTrue(compared >= 20, "only " + compared + " workloads compared");
    }

    @Test
    void aTypeErrorDeepInsideStillNamesItsPath(@TempDir Path dir) throws IOException {
        String bad = RICH.replace("tolerationSeconds: 30", "tolerationSeconds: [30]");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ManifestReader.read(documents(dir, bad).get(0), Deployment.class, "spec.workloads[0]"));
        assertTrue(e.getMessage().contains("spec.workloads[0].spec.template.spec.tolerations[0].tolerationSeconds"),
                e.getMessage());
        assertTrue(e.getMessage().contains("expected an integer"), e.getMessage());
        assertFalse(e.getMessage().contains("OnDemand"), e.getMessage());
    }

    /**
     * The mapper is shared by threads (Spark tasks load scenarios side by side): two threads binding
     * a fresh mapper's first manifest at once must both get the objects Jackson gives up front. A
     * deserializer published before it was resolved failed about one binding in seven here.
     */
    @Test
    void twoThreadsBindingAFreshMappersFirstManifestAtOnceBothBindIt(@TempDir Path dir) throws Exception {
        JsonNode json = ManifestReader.toJson(documents(dir, RICH).get(0));
        Deployment expected = UP_FRONT.treeToValue(json, Deployment.class);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < 200; trial++) {
                ObjectMapper fresh = new ObjectMapper()
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .registerModule(new OnDemandDeserializers());
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<Deployment> bind = () -> {
                    together.await();
                    return fresh.treeToValue(json, Deployment.class);
                };
                Future<Deployment> first = pool.submit(bind);
                Future<Deployment> second = pool.submit(bind);
                assertEquals(expected, first.get(), "trial " + trial);
                assertEquals(expected, second.get(), "trial " + trial);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<YNode> documents(Path dir, String text) throws IOException {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, text);
        return YamlReader.readFile(file, "m.yaml", null, null);
    }
}
