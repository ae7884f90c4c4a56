package io.nodesim.scheduler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.nodesim.scenario.KubernetesVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pod (anti-)affinity {@code matchLabelKeys} / {@code mismatchLabelKeys}: the API server ANDs
 * {@code key In (value)} / {@code key NotIn (value)} into the term's labelSelector for each key the
 * pod carries (pkg/registry/core/pod/strategy.go {@code applyMatchLabelKeysAndMismatchLabelKeys}),
 * from 1.31 (MatchLabelKeysInPodAffinity beta; GA 1.33). Before, the fields are dropped: refused.
 */
class PodAffinityLabelKeysTest {
    private final SchedulerCache cache = new SchedulerCache();

    private CompiledPod pod(PodCompiler compiler, Map<String, String> labels, List<String> match, List<String> mismatch) {
        return compiler.compile("p", "default", new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels)
                .endMetadata().withSpec(new PodSpecBuilder().addToContainers(new ContainerBuilder().withName("c")
                        .withImage("app:1").build()).withAffinity(new AffinityBuilder().withNewPodAntiAffinity()
                                .withRequiredDuringSchedulingIgnoredDuringExecution(new PodAffinityTermBuilder()
                                        .withLabelSelector(new LabelSelectorBuilder().addNewMatchExpression().withKey("app")
                                                .withOperator("Exists").endMatchExpression().build())
                                        .withMatchLabelKeys(match).withMismatchLabelKeys(mismatch)
                                        .withTopologyKey("zone").build())
                                .endPodAntiAffinity().build()).build()).build(), null);
    }

    private CompiledPod other(Map<String, String> labels) {
        return new PodCompiler(cache).compile("o", "default", TestCluster.template(0, 0, labels), null);
    }

    @Test
    void matchLabelKeys_selectOnlyPodsWithTheSameValue() {
        CompiledPod p = pod(new PodCompiler(cache), Map.of("app", "web", "rev", "v2"), List.of("rev"), List.of());
        CompiledPod.AffinityTerm t = p.requiredAntiAffinity.get(0);
        assertTrue(t.selects(other(Map.of("app", "web", "rev", "v2"))));
        assertFalse(t.selects(other(Map.of("app", "web", "rev", "v1"))), "another revision is not selected");
        assertFalse(t.selects(other(Map.of("app", "web"))));
    }

    @Test
    void mismatchLabelKeys_selectOnlyPodsWithAnotherValue() {
        CompiledPod p = pod(new PodCompiler(cache), Map.of("app", "web", "tenant", "a"), List.of(), List.of("tenant"));
        CompiledPod.AffinityTerm t = p.requiredAntiAffinity.get(0);
        assertTrue(t.selects(other(Map.of("app", "db", "tenant", "b"))));
        assertTrue(t.selects(other(Map.of("app", "db"))), "NotIn selects a pod without the key");
        assertFalse(t.selects(other(Map.of("app", "db", "tenant", "a"))), "the own tenant is not selected");
    }

    @Test
    void aKeyThePodDoesNotCarry_addsNothing() {
        CompiledPod p = pod(new PodCompiler(cache), Map.of("app", "web"), List.of("rev"), List.of("tenant"));
        assertTrue(p.requiredAntiAffinity.get(0).selects(other(Map.of("app", "db", "rev", "x", "tenant", "y"))));
    }

    @Test
    void labelKeysBefore131_areRefusedAsNotModelled() {
        PodCompiler v130 = new PodCompiler(cache, true, NamespaceLabels.NONE_DECLARED, KubernetesVersion.parse("1.30"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pod(v130, Map.of("app", "web", "rev", "v2"), List.of("rev"), List.of()));
        assertTrue(e.getMessage().startsWith("not modelled: pod (anti-)affinity matchLabelKeys"), e.getMessage());
        PodCompiler v131 = new PodCompiler(cache, true, NamespaceLabels.NONE_DECLARED, KubernetesVersion.parse("1.31"));
        assertFalse(pod(v131, Map.of("app", "web", "rev", "v2"), List.of("rev"), List.of()).requiredAntiAffinity.get(0)
                .selects(other(Map.of("app", "web", "rev", "v1"))));
    }
}
