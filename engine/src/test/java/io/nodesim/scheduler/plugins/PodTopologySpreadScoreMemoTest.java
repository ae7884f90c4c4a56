package io.nodesim.scheduler.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.PodSelector;
import io.nodesim.scheduler.TestCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PodTopologySpread scores a cycle's nodes by class (hostname count, domain): the edges where a node
 * or a cycle leaves the memo (a hostname count of 256 or more, more than 64 domains, nodes without
 * the domain key) score exactly as node-by-node Score and NormalizeScore do
 * (kubernetes pkg/scheduler/framework/plugins/podtopologyspread/scoring.go).
 */
class PodTopologySpreadScoreMemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PodSelector OWNER = PodSelector.ofLabels(Map.of("app", "web"));

    @Test
    void nodeWithManyMatchingPods_scoresAsAlone() {
        TestCluster c = new TestCluster();
        for (int i = 0; i < 12; i++) {
            c.nodes.addNode(TestCluster.node(64000, 262144, Map.of()), "n" + i, "z" + i % 3);
        }
        CompiledPod web = c.compiler.compile("web", "default", TestCluster.template(10, 10, Map.of("app", "web")), OWNER);
        for (int i = 0; i < 300; i++) {
            c.nodes.pods().addPod(web, 0);
        }
        for (int i = 0; i < 255; i++) {
            c.nodes.pods().addPod(web, 1);
        }
        for (int i = 0; i < 256; i++) {
            c.nodes.pods().addPod(web, 4);
        }
        for (int n = 2; n < 12; n++) {
            for (int i = 0; i < n; i++) {
                c.nodes.pods().addPod(web, n == 4 ? 5 : n);
            }
        }
        assertScoresAsAlone(c, web);
    }

    @Test
    void moreDomainsThanTheMemoHolds_andNodesWithoutTheKey_scoreAsAlone() {
        TestCluster c = new TestCluster();
        for (int i = 0; i < 90; i++) {
            Map<String, String> labels = i % 9 == 8 ? Map.of() : Map.of("rack", "r" + i);
            c.nodes.addNode(TestCluster.node(64000, 262144, labels), "n" + i, "z" + i % 3);
        }
        CompiledPod few = pod(c, "zone-and-hostname", "topology.kubernetes.io/zone", "kubernetes.io/hostname");
        CompiledPod many = pod(c, "rack-and-hostname", "rack", "kubernetes.io/hostname");
        CompiledPod three = pod(c, "three", "rack", "kubernetes.io/hostname", "topology.kubernetes.io/zone");
        for (int i = 0; i < 90; i++) {
            c.nodes.pods().addPod(many, (i * 7) % 90);
            c.nodes.pods().addPod(few, (i * 11) % 90);
        }
        assertScoresAsAlone(c, few);
        assertScoresAsAlone(c, many);
        assertScoresAsAlone(c, three);
    }

    /** A pod of app=web with a ScheduleAnyway constraint (maxSkew 1) per key. */
    private static CompiledPod pod(TestCluster c, String name, String... keys) {
        List<Map<String, Object>> constraints = java.util.Arrays.stream(keys).map(k -> Map.<String, Object>of(
                "maxSkew", 1, "topologyKey", k, "whenUnsatisfiable", "ScheduleAnyway",
                "labelSelector", Map.of("matchLabels", Map.of("app", "web")))).toList();
        PodTemplateSpec t = JSON.convertValue(Map.of("metadata", Map.of("labels", Map.of("app", "web")),
                "spec", Map.of("containers", List.of(Map.of("name", "c", "image", "app:1")),
                        "topologySpreadConstraints", constraints)), PodTemplateSpec.class);
        return c.compiler.compile(name, "default", t, OWNER);
    }

    private static void assertScoresAsAlone(TestCluster c, CompiledPod pod) {
        int[] all = c.nodes.order().clone();
        int n = all.length;
        PodTopologySpread batch = new PodTopologySpread(c.nodes, true);
        PodTopologySpread single = new PodTopologySpread(c.nodes, true);
        assertTrue(batch.preScore(pod, all, n) && single.preScore(pod, all, n));
        long[] together = new long[n];
        batch.scoreAll(pod, all, n, together);
        long[] alone = new long[n];
        for (int i = 0; i < n; i++) {
            alone[i] = single.score(pod, all[i]);
        }
        assertArrayEquals(alone, together, "raw");
        batch.normalize(all, together, n);
        single.normalize(all, alone, n);
        assertArrayEquals(alone, together, "normalised");
    }
}
