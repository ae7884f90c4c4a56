package io.nodesim.scheduler.plugins;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.PodCompiler;
import io.nodesim.scheduler.PodSelector;
import io.nodesim.scheduler.SchedulerCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random clusters and pods that exercise every modelled plugin: zones, labels, taints of each
 * effect, images, pods with requests, host ports, tolerations, node and pod (anti-)affinity and
 * topology spread constraints, some owned by a workload (PodTopologySpread's system defaults).
 */
final class RandomClusters {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ZONE = "topology.kubernetes.io/zone";
    static final String HOSTNAME = "kubernetes.io/hostname";

    final Random rnd;
    final SchedulerCache nodes = new SchedulerCache();
    final PodCompiler compiler = new PodCompiler(nodes);
    private final int count;
    private int pods;

    RandomClusters(long seed) {
        this.rnd = new Random(seed);
        int count = 2 + rnd.nextInt(30);
        for (int i = 0; i < count; i++) {
            int n = nodes.addNode(node(), "n" + i, "z" + rnd.nextInt(3));
            nodes.setUnschedulable(n, rnd.nextInt(6) == 0);
        }
        this.count = count;
        int existing = rnd.nextInt(3 * count);
        for (int i = 0; i < existing; i++) {
            nodes.pods().addPod(pod(), rnd.nextInt(count));
        }
    }

    private Node node() {
        List<Map<String, Object>> taints = new ArrayList<>();
        if (rnd.nextInt(4) == 0) {
            taints.add(Map.of("key", "t", "value", "x", "effect", rnd.nextBoolean() ? "NoSchedule" : "NoExecute"));
        }
        if (rnd.nextInt(3) == 0) {
            taints.add(Map.of("key", "p", "value", "y", "effect", "PreferNoSchedule"));
        }
        List<Map<String, Object>> images = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            if (rnd.nextInt(3) == 0) {
                images.add(Map.of("names", List.of("img" + i + ":1"), "sizeBytes", (1L + rnd.nextInt(900)) << 20));
            }
        }
        Map<String, Object> node = Map.of(
                "metadata", Map.of("labels", Map.of("disk", rnd.nextBoolean() ? "ssd" : "hdd")),
                "spec", Map.of("taints", taints),
                "status", Map.of("allocatable", Map.of("cpu", (500 + rnd.nextInt(8000)) + "m",
                        "memory", (500 + rnd.nextInt(16000)) + "Mi", "pods", String.valueOf(1 + rnd.nextInt(20))),
                        "images", images));
        return JSON.convertValue(node, Node.class);
    }

    /** A random pod; a third are owned by a workload selecting app=their label. */
    CompiledPod pod() {
        String app = rnd.nextBoolean() ? "a" : "b";
        PodTemplateSpec t = JSON.convertValue(template(app), PodTemplateSpec.class);
        PodSelector owner = rnd.nextInt(3) == 0 ? PodSelector.ofLabels(Map.of("app", app)) : null;
        return compiler.compile("p" + pods++, "default", t, owner);
    }

    private Map<String, Object> template(String app) {
        Map<String, Object> spec = new LinkedHashMap<>();
        List<Map<String, Object>> containers = new ArrayList<>();
        for (int c = 0, n = 1 + rnd.nextInt(2); c < n; c++) {
            Map<String, Object> container = new LinkedHashMap<>();
            container.put("name", "c" + c);
            container.put("image", "img" + rnd.nextInt(5) + ":1");
            Map<String, Object> requests = new LinkedHashMap<>();
            if (rnd.nextInt(4) > 0) {
                requests.put("cpu", rnd.nextInt(1500) + "m");
            }
            if (rnd.nextInt(4) > 0) {
                requests.put("memory", rnd.nextInt(3000) + "Mi");
            }
            container.put("resources", Map.of("requests", requests));
            if (rnd.nextInt(8) == 0) {
                container.put("ports", List.of(Map.of("containerPort", 80, "hostPort", 8080)));
            }
            containers.add(container);
        }
        spec.put("containers", containers);
        if (rnd.nextInt(10) == 0) {
            spec.put("nodeName", "n" + rnd.nextInt(count));
        }
        List<Map<String, Object>> tolerations = new ArrayList<>();
        if (rnd.nextInt(3) == 0) {
            tolerations.add(Map.of("key", "t", "operator", "Exists"));
        }
        if (rnd.nextInt(3) == 0) {
            tolerations.add(Map.of("key", "p", "operator", "Equal", "value", "y", "effect", "PreferNoSchedule"));
        }
        spec.put("tolerations", tolerations);
        Map<String, Object> affinity = new LinkedHashMap<>();
        if (rnd.nextInt(3) == 0) {
            Map<String, Object> nodeAffinity = new LinkedHashMap<>();
            nodeAffinity.put("preferredDuringSchedulingIgnoredDuringExecution", List.of(Map.of("weight",
                    1 + rnd.nextInt(100), "preference", Map.of("matchExpressions", List.of(expression("disk",
                            rnd.nextBoolean() ? "ssd" : "hdd"))))));
            if (rnd.nextInt(3) == 0) {
                nodeAffinity.put("requiredDuringSchedulingIgnoredDuringExecution", Map.of("nodeSelectorTerms",
                        List.of(Map.of("matchExpressions", List.of(expression("disk", "ssd"))))));
            }
            affinity.put("nodeAffinity", nodeAffinity);
        }
        String other = rnd.nextBoolean() ? "a" : "b";
        if (rnd.nextInt(3) == 0) {
            affinity.put("podAffinity", Map.of("preferredDuringSchedulingIgnoredDuringExecution", List.of(
                    Map.of("weight", 1 + rnd.nextInt(100), "podAffinityTerm", term(other, ZONE)))));
        }
        if (rnd.nextInt(3) == 0) {
            Map<String, Object> anti = new LinkedHashMap<>();
            anti.put("preferredDuringSchedulingIgnoredDuringExecution", List.of(
                    Map.of("weight", 1 + rnd.nextInt(100), "podAffinityTerm", term(app, HOSTNAME))));
            if (rnd.nextBoolean()) {
                anti.put("requiredDuringSchedulingIgnoredDuringExecution",
                        List.of(term(other, rnd.nextBoolean() ? ZONE : HOSTNAME)));
            }
            affinity.put("podAntiAffinity", anti);
        }
        spec.put("affinity", affinity);
        if (rnd.nextInt(3) == 0) {
            spec.put("topologySpreadConstraints", List.of(Map.of("maxSkew", 1 + rnd.nextInt(2),
                    "topologyKey", rnd.nextBoolean() ? ZONE : HOSTNAME,
                    "whenUnsatisfiable", rnd.nextBoolean() ? "ScheduleAnyway" : "DoNotSchedule",
                    "labelSelector", Map.of("matchLabels", Map.of("app", app)))));
        }
        return Map.of("metadata", Map.of("labels", Map.of("app", app)), "spec", spec);
    }

    private static Map<String, Object> expression(String key, String value) {
        return Map.of("key", key, "operator", "In", "values", List.of(value));
    }

    private static Map<String, Object> term(String app, String topologyKey) {
        return Map.of("labelSelector", Map.of("matchLabels", Map.of("app", app)), "topologyKey", topologyKey);
    }

    int[] allNodes() {
        return nodes.order().clone();
    }
}
