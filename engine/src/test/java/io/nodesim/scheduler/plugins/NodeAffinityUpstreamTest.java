package io.nodesim.scheduler.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTermBuilder;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.ScheduleResult;
import io.nodesim.scheduler.TestCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Node selector terms as kube-scheduler parses them (component-helpers nodeaffinity, labels.NewRequirement):
 * a term that does not parse matches no node, the other terms still count.
 */
class NodeAffinityUpstreamTest {
    private final TestCluster c = new TestCluster();

    private int node(String name, Map<String, String> labels) {
        return c.nodes.addNode(TestCluster.node(4000, 8192, labels), name, "");
    }

    private static NodeSelectorRequirement req(String key, String op, String... values) {
        return new NodeSelectorRequirementBuilder().withKey(key).withOperator(op).withValues(values).build();
    }

    private static NodeSelectorTerm expressions(NodeSelectorRequirement... r) {
        return new NodeSelectorTermBuilder().withMatchExpressions(r).build();
    }

    private static NodeSelectorTerm fields(NodeSelectorRequirement... r) {
        return new NodeSelectorTermBuilder().withMatchFields(r).build();
    }

    private static PodTemplateSpec required(NodeSelectorTerm... terms) {
        return new PodTemplateSpecBuilder().withNewMetadata().endMetadata().withSpec(new PodSpecBuilder()
                .addToContainers(new ContainerBuilder().withName("c").withImage("app:1").build())
                .withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withNodeSelectorTerms(terms).endRequiredDuringSchedulingIgnoredDuringExecution()
                .endNodeAffinity().endAffinity().build()).build();
    }

    private String filter(PodTemplateSpec t, int node) {
        CompiledPod pod = c.compiler.compile("p", "default", t, null);
        NodeAffinity plugin = new NodeAffinity(c.nodes);
        assertNull(plugin.preFilter(pod));
        return plugin.filter(pod, node);
    }

    // upstream: nodeaffinity/node_affinity_test.go TestNodeAffinity
    //           "Pod with an invalid value in Affinity term won't be scheduled onto the node"
    @Test
    void invalidValue_termMatchesNothing() {
        int n = node("node1", Map.of("foo", "bar"));
        assertEquals("node(s) didn't match Pod's node affinity/selector",
                filter(required(expressions(req("foo", "NotIn", "invalid value: ___@#$%^"))), n));
    }

    // upstream: component-helpers nodeaffinity/nodeaffinity_test.go TestNodeSelectorMatch
    //           "invalid field selector and label selector": terms 0 (matchFields with two values) and 2 (key
    //           "invalid key") fail to parse; term 1 is valid and still matches host_1
    @Test
    void invalidTerms_matchNothing_theValidTermStillMatches() {
        int host1 = node("host_1", Map.of("label_1", "label_1_val"));
        PodTemplateSpec t = required(
                fields(req("metadata.name", "In", "host_1", "host_2")),
                new NodeSelectorTermBuilder().withMatchExpressions(req("label_1", "In", "label_1_val"))
                        .withMatchFields(req("metadata.name", "In", "host_1")).build(),
                expressions(req("invalid key", "In", "label_value")));
        assertNull(filter(t, host1));
        CompiledPod pod = c.compiler.compile("p", "default", t, null);
        assertEquals(List.of("[0].matchFields[0].values: must have one element",
                "[2].matchExpressions[0].key: invalid label key \"invalid key\""), pod.requiredNodeAffinity.parseErrors());
    }

    // upstream: component-helpers nodeaffinity/nodeaffinity_test.go TestNodeSelectorRequirementsAsSelector
    //           (Exists with values "bar", "baz": "values set must be empty for exists and does not exist")
    @Test
    void existsWithValues_matchesNothing() {
        int n = node("node1", Map.of("foo", "bar"));
        assertEquals(NodeAffinity.REASON, filter(required(expressions(req("foo", "Exists", "bar", "baz"))), n));
        assertNull(filter(required(expressions(req("foo", "Exists"))), n));
    }

    /** labels.NewRequirement: "for 'in', 'notin' operators, values set can't be empty". */
    @Test
    void inOrNotInWithoutValues_matchesNothing() {
        int n = node("node1", Map.of("foo", "bar"));
        assertEquals(NodeAffinity.REASON, filter(required(expressions(req("foo", "NotIn"))), n));
        assertEquals(NodeAffinity.REASON, filter(required(expressions(req("foo", "In"))), n));
    }

    /** labels.NewRequirement: "for 'Gt', 'Lt' operators, the value must be an integer": unschedulable, not a load error. */
    @Test
    void nonIntegerGt_leavesThePodUnschedulable() {
        node("node1", Map.of("kernel-version", "0206"));
        ScheduleResult r = c.scheduler(TestCluster.V135).schedule(c.compiler.compile("p", "default",
                required(expressions(req("kernel-version", "Gt", "2.6"))), null), true);
        assertNull(r.nodeName());
        assertEquals("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.", r.message());
        // upstream: TestPodMatchesNodeSelectorAndAffinityTerms
        //           "Pod with matchExpressions using Gt operator that matches the existing node"
        ScheduleResult ok = c.scheduler(TestCluster.V135).schedule(c.compiler.compile("q", "default",
                required(expressions(req("kernel-version", "Gt", "0204"))), null), true);
        assertEquals("node1", ok.nodeName());
    }

    /** A preferred term that does not parse fails upstream's PreScore with an error: refused as not modelled. */
    @Test
    void unparsablePreferredTerm_isRefusedAsNotModelled_unlessItsWeightIsZero() {
        PodTemplateSpecBuilder b = new PodTemplateSpecBuilder().withNewMetadata().endMetadata();
        PodTemplateSpec bad = b.withSpec(new PodSpecBuilder().addToContainers(new ContainerBuilder().withName("c")
                .withImage("app:1").build()).withNewAffinity().withNewNodeAffinity()
                .withPreferredDuringSchedulingIgnoredDuringExecution(new PreferredSchedulingTermBuilder().withWeight(1)
                        .withPreference(fields(req("metadata.name", "In", "host_1", "host_2"))).build())
                .endNodeAffinity().endAffinity().build()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.compiler.compile("p", "default", bad, null));
        assertTrue(e.getMessage().startsWith("not modelled: preferredDuringSchedulingIgnoredDuringExecution[0] "
                + "does not parse (preference.matchFields[0].values: must have one element)"), e.getMessage());
        // upstream: TestPreferredSchedulingTermsScore "invalid field selector but no weight, error not reported"
        bad.getSpec().getAffinity().getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution().get(0)
                .setWeight(0);
        assertEquals(0, c.compiler.compile("p", "default", bad, null).preferredTerms.length);
    }
}
