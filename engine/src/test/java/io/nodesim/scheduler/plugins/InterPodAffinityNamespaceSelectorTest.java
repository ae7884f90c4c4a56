package io.nodesim.scheduler.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.NamespaceLabels;
import io.nodesim.scheduler.PodCompiler;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.TestCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The namespaceSelector cases of kube-scheduler's TestRequiredAffinitySingleNode
 * (pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go), with its four namespaces
 * {@code subteam{1,2}.team{1,2}} labelled {@code team: team1|team2}; plus upstream's rule for a null
 * against an empty selector (framework/types.go {@code getNamespacesFromPodAffinityTerm},
 * {@code metav1.LabelSelectorAsSelector}: null is Nothing, {@code {}} is Everything) and the
 * {@code kubernetes.io/metadata.name} label, set on every namespace from 1.21.
 */
class InterPodAffinityNamespaceSelectorTest {
    private static final Map<String, Map<String, String>> NAMESPACES = Map.of(
            "subteam1.team1", Map.of("team", "team1"), "subteam2.team1", Map.of("team", "team1"),
            "subteam1.team2", Map.of("team", "team2"), "subteam2.team2", Map.of("team", "team2"));
    private static final Map<String, String> POD_LABEL = Map.of("service", "securityscan");
    private static final Map<String, String> POD_LABEL2 = Map.of("security", "S1");
    private static final LabelSelector SERVICE_IN = new LabelSelectorBuilder().addNewMatchExpression()
            .withKey("service").withOperator("In").withValues("securityscan", "value2").endMatchExpression().build();
    private static final LabelSelector TEAM1 = new LabelSelectorBuilder().addNewMatchExpression()
            .withKey("team").withOperator("In").withValues("team1").endMatchExpression().build();

    private final SchedulerCache cache = new SchedulerCache();
    private final PodCompiler compiler = new PodCompiler(cache, true,
            NamespaceLabels.of(NAMESPACES, KubernetesVersion.parse("1.35")));
    private final int node1 = cache.addNode(TestCluster.node(4000, 8192, Map.of("region", "r1", "zone", "z11")),
            "node1", "");

    private static PodAffinityTerm term(LabelSelector namespaceSelector, String topologyKey) {
        return new PodAffinityTermBuilder().withLabelSelector(SERVICE_IN).withNamespaceSelector(namespaceSelector)
                .withTopologyKey(topologyKey).build();
    }

    /** createPodWithAffinityTerms(namespace, "", labels, affinity, antiAffinity). */
    private CompiledPod pod(String namespace, Map<String, String> labels, List<PodAffinityTerm> affinity,
            List<PodAffinityTerm> antiAffinity) {
        return compiler.compile("p", namespace, new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels)
                .endMetadata().withSpec(new PodSpecBuilder().addToContainers(new ContainerBuilder().withName("c")
                        .withImage("app:1").build()).withAffinity(new AffinityBuilder()
                                .withNewPodAffinity().withRequiredDuringSchedulingIgnoredDuringExecution(affinity)
                                .endPodAffinity().withNewPodAntiAffinity()
                                .withRequiredDuringSchedulingIgnoredDuringExecution(antiAffinity)
                                .endPodAntiAffinity().build()).build()).build(), null);
    }

    private void existing(String namespace) {
        cache.pods().addPod(pod(namespace, POD_LABEL, List.of(), List.of()), node1);
    }

    /** The Filter status on node1: null when the pod fits (PreFilter's Skip fits too). */
    private String preFilterThenFilter(CompiledPod pod) {
        InterPodAffinity plugin = new InterPodAffinity(cache, 1);
        String pre = plugin.preFilter(pod);
        if (FilterPlugin.SKIP.equals(pre)) {
            return null;
        }
        return pre != null ? pre : plugin.filter(pod, node1);
    }

    // upstream: TestRequiredAffinitySingleNode "affinity with NamespaceSelector"
    @Test
    void affinity_namespaceSelectorMatchingTheExistingPodsNamespaceLabels_fits() {
        existing("subteam1.team1");
        assertNull(preFilterThenFilter(pod("default", POD_LABEL2, List.of(term(TEAM1, "region")), List.of())));
    }

    // upstream: TestRequiredAffinitySingleNode "affinity with non-matching NamespaceSelector"
    @Test
    void affinity_namespaceSelectorNotMatchingTheExistingPodsNamespace_isFiltered() {
        existing("subteam1.team2");
        assertEquals(InterPodAffinity.REASON_AFFINITY,
                preFilterThenFilter(pod("default", POD_LABEL2, List.of(term(TEAM1, "region")), List.of())));
    }

    // upstream: TestRequiredAffinitySingleNode "anti-affinity with matching NamespaceSelector"
    @Test
    void antiAffinity_namespaceSelectorMatchingAnotherNamespaceOfTheTeam_isFiltered() {
        existing("subteam2.team1");
        assertEquals(InterPodAffinity.REASON_ANTI,
                preFilterThenFilter(pod("subteam1.team1", POD_LABEL2, List.of(), List.of(term(TEAM1, "zone")))));
    }

    // upstream: TestRequiredAffinitySingleNode "anti-affinity with matching all NamespaceSelector"
    @Test
    void antiAffinity_emptyNamespaceSelector_selectsEveryNamespace() {
        existing("subteam2.team1");
        assertEquals(InterPodAffinity.REASON_ANTI, preFilterThenFilter(pod("subteam1.team1", POD_LABEL2, List.of(),
                List.of(term(new LabelSelector(), "zone")))));
    }

    // upstream: TestRequiredAffinitySingleNode "anti-affinity with non-matching NamespaceSelector"
    @Test
    void antiAffinity_namespaceSelectorNotMatching_fits() {
        existing("subteam1.team2");
        assertNull(preFilterThenFilter(pod("subteam1.team1", POD_LABEL2, List.of(), List.of(term(TEAM1, "zone")))));
    }

    /** No namespaces and a null selector: the pod's own namespace only, so a pod elsewhere is not selected. */
    @Test
    void antiAffinity_nullNamespaceSelector_selectsOnlyTheOwnNamespace() {
        existing("subteam2.team1");
        assertNull(preFilterThenFilter(pod("subteam1.team1", POD_LABEL2, List.of(), List.of(term(null, "zone")))));
    }

    /** An existing pod's anti-affinity term matches the incoming pod's namespace labels (symmetry). */
    @Test
    void existingPodsAntiAffinity_namespaceSelectorMatchesTheIncomingPodsNamespaceLabels() {
        cache.pods().addPod(pod("subteam1.team2", POD_LABEL2, List.of(), List.of(term(TEAM1, "zone"))), node1);
        assertEquals(InterPodAffinity.REASON_EXISTING,
                preFilterThenFilter(pod("subteam2.team1", POD_LABEL, List.of(), List.of())));
        assertNull(preFilterThenFilter(pod("subteam2.team2", POD_LABEL, List.of(), List.of())));
    }

    /** kubernetes.io/metadata.name is on every namespace from 1.21 (NamespaceDefaultLabelName), not before. */
    @Test
    void metadataNameLabel_isSetFrom121() {
        Map<String, Map<String, String>> declared = Map.of("team-a", Map.of("team", "a"));
        assertEquals(Map.of("team", "a", "kubernetes.io/metadata.name", "team-a"),
                NamespaceLabels.of(declared, KubernetesVersion.parse("1.21")).labels("team-a"));
        assertEquals(Map.of("kubernetes.io/metadata.name", "other"),
                NamespaceLabels.of(declared, KubernetesVersion.parse("1.21")).labels("other"));
        assertEquals(Map.of("team", "a"), NamespaceLabels.of(declared, KubernetesVersion.parse("1.20")).labels("team-a"));
    }
    /** Before 1.22 the API server drops namespaceSelector (PodAffinityNamespaceSelector alpha 1.21): refused. */
    @Test
    void namespaceSelectorBefore122_isRefusedAsNotModelled() {
        PodCompiler v121 = new PodCompiler(cache, true, NamespaceLabels.NONE_DECLARED, KubernetesVersion.parse("1.21"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> v121.compile("p", "default", new PodTemplateSpecBuilder().withNewMetadata().endMetadata()
                        .withSpec(new PodSpecBuilder().addToContainers(new ContainerBuilder().withName("c")
                                .withImage("app:1").build()).withAffinity(new AffinityBuilder().withNewPodAffinity()
                                        .withRequiredDuringSchedulingIgnoredDuringExecution(term(TEAM1, "zone"))
                                        .endPodAffinity().build()).build()).build(), null));
        assertEquals("not modelled: pod (anti-)affinity namespaceSelector before 1.22 (PodAffinityNamespaceSelector is"
                + " off by default in 1.21 and the API server drops the field); remove it or use 1.22+", e.getMessage());
    }
}
