package io.nodesim.scheduler.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTermBuilder;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.ConfigTree;
import io.nodesim.scheduler.SchedulerConfiguration;
import io.nodesim.scheduler.TestCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NodeAffinityArgs.addedAffinity read from {@code pluginConfig} and applied as upstream's NodeAffinity
 * does (node_affinity.go: the added required terms filter first, "scheduler-enforced"; the added
 * preferred terms add to the pod's own).
 */
class NodeAffinityAddedAffinityTest {
    private final TestCluster c = new TestCluster();

    private static SchedulerConfiguration config(Map<String, Object> addedAffinity) {
        return ConfigTree.compile(Map.of("profiles", List.of(Map.of("pluginConfig", List.of(Map.of(
                "name", "NodeAffinity", "args", Map.of("addedAffinity", addedAffinity)))))),
                KubernetesVersion.parse("1.35"), TestCluster.V135);
    }

    private static Map<String, Object> requiredIn(String key, String value) {
        return Map.of("requiredDuringSchedulingIgnoredDuringExecution", Map.of("nodeSelectorTerms", List.of(Map.of(
                "matchFields", List.of(Map.of("key", key, "operator", "In", "values", List.of(value)))))));
    }

    private static Map<String, Object> preferred(int weight, String key, String value) {
        return Map.of("preferredDuringSchedulingIgnoredDuringExecution", List.of(Map.of("weight", weight,
                "preference", Map.of("matchExpressions", List.of(Map.of("key", key, "operator", "In",
                        "values", List.of(value)))))));
    }

    private static PodTemplateSpec pod(String requiredZone, String preferredFoo) {
        PodSpecBuilder spec = new PodSpecBuilder().addToContainers(new ContainerBuilder().withName("c")
                .withImage("app:1").build());
        if (requiredZone != null) {
            spec.withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                    .addNewNodeSelectorTerm().addNewMatchExpression().withKey("zone").withOperator("In")
                    .withValues(requiredZone).endMatchExpression().endNodeSelectorTerm()
                    .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity();
        }
        if (preferredFoo != null) {
            spec.withNewAffinity().withNewNodeAffinity().withPreferredDuringSchedulingIgnoredDuringExecution(
                    new PreferredSchedulingTermBuilder().withWeight(2).withNewPreference().addNewMatchExpression()
                            .withKey("foo").withOperator("In").withValues(preferredFoo).endMatchExpression()
                            .endPreference().build()).endNodeAffinity().endAffinity();
        }
        return new PodTemplateSpecBuilder().withNewMetadata().endMetadata().withSpec(spec.build()).build();
    }

    private String filter(SchedulerConfiguration cfg, PodTemplateSpec t, int node) {
        CompiledPod p = c.compiler.compile("p", "default", t, null);
        NodeAffinity plugin = new NodeAffinity(c.nodes, cfg.addedAffinity());
        String pre = plugin.preFilter(p);
        return pre != null ? pre : plugin.filter(p, node);
    }

    // upstream: nodeaffinity/node_affinity_test.go TestNodeAffinity "Matches added affinity and Pod's node affinity"
    @Test
    void matchesAddedAffinityAndPodsNodeAffinity() {
        int node2 = c.nodes.addNode(TestCluster.node(4000, 8192, Map.of("zone", "foo")), "node2", "");
        assertNull(filter(config(requiredIn("metadata.name", "node2")), pod("foo", null), node2));
    }

    // upstream: nodeaffinity/node_affinity_test.go TestNodeAffinity "Matches added affinity but not Pod's node affinity"
    @Test
    void matchesAddedAffinityButNotPods() {
        int node2 = c.nodes.addNode(TestCluster.node(4000, 8192, Map.of("zone", "foo")), "node2", "");
        assertEquals("node(s) didn't match Pod's node affinity/selector",
                filter(config(requiredIn("metadata.name", "node2")), pod("bar", null), node2));
    }

    // upstream: nodeaffinity/node_affinity_test.go TestNodeAffinity "Doesn't match added affinity"
    @Test
    void doesNotMatchAddedAffinity_evenForAPodWithoutAffinity() {
        int node2 = c.nodes.addNode(TestCluster.node(4000, 8192, Map.of("zone", "foo")), "node2", "");
        Map<String, Object> added = Map.of("requiredDuringSchedulingIgnoredDuringExecution",
                Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions", List.of(Map.of(
                        "key", "zone", "operator", "In", "values", List.of("bar")))))));
        assertEquals("node(s) didn't match scheduler-enforced node affinity", filter(config(added), pod(null, null), node2));
        Map<String, Object> body = Map.of("profiles", List.of(Map.of("pluginConfig", List.of(Map.of(
                "name", "NodeAffinity", "args", Map.of("addedAffinity", added))))));
        assertEquals("0/1 nodes are available: 1 node(s) didn't match scheduler-enforced node affinity.",
                c.scheduler(TestCluster.V135, body).schedule(c.compiler.compile("p", "default", pod(null, null), null),
                        true).message());
    }

    private long[] normalizedScores(SchedulerConfiguration cfg, PodTemplateSpec t, int... nodes) {
        CompiledPod p = c.compiler.compile("p", "default", t, null);
        NodeAffinity plugin = new NodeAffinity(c.nodes, cfg.addedAffinity());
        assertTrue(plugin.preScore(p, nodes, nodes.length));
        long[] scores = new long[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            scores[i] = plugin.score(p, nodes[i]);
        }
        plugin.normalize(nodes, scores, nodes.length);
        return scores;
    }

    // upstream: nodeaffinity/node_affinity_test.go TestNodeAffinityPriority "added affinity"
    @Test
    void addedPreferredAffinity_scoresAPodWithoutAffinity() {
        int n1 = c.nodes.addNode(TestCluster.node(4000, 8192, Map.of("foo", "bar")), "node1", "");
        int n2 = c.nodes.addNode(TestCluster.node(4000, 8192, Map.of("key", "value")), "node2", "");
        assertArrayEquals(new long[] {100, 0}, normalizedScores(config(preferred(2, "foo", "bar")), pod(null, null), n1, n2));
    }

    // upstream: nodeaffinity/node_affinity_test.go TestNodeAffinityPriority "added affinity and pod has default affinity"
    @Test
    void addedPreferredAffinity_addsToThePodsOwn() {
        int n1 = c.nodes.addNode(TestCluster.node(4000, 8192, Map.of("foo", "bar")), "node1", "");
        int n2 = c.nodes.addNode(TestCluster.node(4000, 8192, Map.of("key", "value")), "node2", "");
        int n3 = c.nodes.addNode(TestCluster.node(4000, 8192, Map.of("foo", "bar", "key", "value", "az", "az1")),
                "node3", "");
        assertArrayEquals(new long[] {40, 60, 100},
                normalizedScores(config(preferred(3, "key", "value")), pod(null, "bar"), n1, n2, n3));
    }

    /** ValidateNodeAffinityArgs: the added terms must parse, unlike a pod's own (a load error, with the path). */
    @Test
    void addedAffinityThatDoesNotParse_isALoadError() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> config(Map.of(
                "requiredDuringSchedulingIgnoredDuringExecution", Map.of("nodeSelectorTerms", List.of(Map.of(
                        "matchFields", List.of(Map.of("key", "metadata.name", "operator", "In",
                                "values", List.of("a", "b")))))))));
        assertEquals("kubeScheduler.profiles[0].pluginConfig[0].args.addedAffinity.requiredDuringSchedulingIgnoredDuringExecution",
                e.path());
        assertTrue(e.getMessage().contains("nodeSelectorTerms[0].matchFields[0].values: must have one element"),
                e.getMessage());
        ScenarioException typo = assertThrows(ScenarioException.class, () -> config(Map.of(
                "requiredDuringScheduling", Map.of())));
        assertTrue(typo.getMessage().contains("requiredDuringScheduling"), typo.getMessage());
    }
}
