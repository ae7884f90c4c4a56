package io.nodesim.scheduler.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.CompiledPod.SpreadConstraint;
import io.nodesim.scheduler.MatchingPodCounts.Domains;
import io.nodesim.scheduler.NamespaceLabels;
import io.nodesim.scheduler.PodCompiler;
import io.nodesim.scheduler.PodSelector;
import io.nodesim.scheduler.ScheduleResult;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.TestCluster;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PodTopologySpread's node inclusion policies (podtopologyspread/common.go
 * {@code matchNodeInclusionPolicies}): cases of kube-scheduler's TestPreFilterState
 * (podtopologyspread/filtering_test.go), each asserting upstream's {@code TpPairToMatchNum} and
 * {@code TpKeyToDomainsNum}, with upstream's {@code taints}: node.kubernetes.io/unschedulable:NoSchedule.
 */
class PodTopologySpreadInclusionPolicyTest {
    private static final String TAINT = "node.kubernetes.io/unschedulable=:NoSchedule";

    private final TestCluster cluster = new TestCluster();
    private final SchedulerCache cache = cluster.nodes;
    private final PodCompiler compiler = cluster.compiler;

    private int node(String name, Map<String, String> labels, String... taints) {
        return cache.addNode(TestCluster.node(4000, 8192, labels, taints), name, "");
    }

    private static Map<String, String> labels(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** st.MakePod().Node(node).Label(key, ""). */
    private void existing(int node, String label) {
        PodTemplateSpec t = new PodTemplateSpecBuilder().withNewMetadata().withLabels(label == null ? Map.of()
                : Map.of(label, "")).endMetadata().withSpec(new PodSpecBuilder().addToContainers(
                        new ContainerBuilder().withName("c").withImage("app:1").build()).build()).build();
        cache.pods().addPod(compiler.compile("existing", "default", t, null), node);
    }

    /** SpreadConstraint(1, key, DoNotSchedule, Exists(selectorKey), nil, affinityPolicy, taintsPolicy, nil). */
    private static TopologySpreadConstraint constraint(String key, String selectorKey, String affinityPolicy,
            String taintsPolicy) {
        return new TopologySpreadConstraintBuilder().withMaxSkew(1).withTopologyKey(key)
                .withWhenUnsatisfiable("DoNotSchedule").withLabelSelector(new LabelSelectorBuilder()
                        .addNewMatchExpression().withKey(selectorKey).withOperator("Exists").endMatchExpression().build())
                .withNodeAffinityPolicy(affinityPolicy).withNodeTaintsPolicy(taintsPolicy).build();
    }

    private CompiledPod incoming(PodCompiler with, Map<String, String> nodeSelector, boolean toleratesTaint,
            TopologySpreadConstraint... constraints) {
        PodSpecBuilder spec = new PodSpecBuilder().addToContainers(new ContainerBuilder().withName("c")
                .withImage("app:1").build()).withNodeSelector(nodeSelector).withTopologySpreadConstraints(constraints);
        if (toleratesTaint) {
            spec.addToTolerations(new TolerationBuilder().withKey("node.kubernetes.io/unschedulable")
                    .withOperator("Exists").build());
        }
        return with.compile("p", "default", new PodTemplateSpecBuilder().withNewMetadata()
                .withLabels(Map.of("foo", "")).endMetadata().withSpec(spec.build()).build(), null);
    }

    /** The per-domain counts the Filter reads for constraint {@code c} (every key required, as upstream's PreFilter). */
    private Domains domains(CompiledPod pod, int c) {
        int[] keys = pod.spreadConstraints.stream().mapToInt(SpreadConstraint::topologyKey).toArray();
        SpreadConstraint sc = pod.spreadConstraints.get(c);
        int s = cache.matching().selector(sc.selector(), pod.namespace);
        return cache.matching().domains(s, sc.topologyKey(), pod, keys, sc.honorNodeAffinity(), sc.honorNodeTaints());
    }

    private void assertDomains(Domains d, Map<String, Integer> want) {
        assertEquals(want.size(), d.domainCount(), "TpKeyToDomainsNum");
        for (Map.Entry<String, Integer> e : want.entrySet()) {
            assertEquals((long) e.getValue(), d.count(cache.symbols().find(e.getKey())), "TpPairToMatchNum " + e.getKey());
        }
        assertEquals(want.values().stream().mapToInt(Integer::intValue).min().getAsInt(), d.minCount());
    }

    /** nodes a, b and a tainted c labelled bar; bar pods 1 / 2 / 0 (p-d on c carries no label). */
    private void taintedThirdNode() {
        int a = node("node-a", labels("node", "node-a"));
        int b = node("node-b", labels("node", "node-b"));
        int c = node("node-c", labels("node", "node-c", "bar", ""), TAINT);
        existing(a, "bar");
        existing(b, "bar");
        existing(b, "bar");
        existing(c, null);
    }

    // upstream: TestPreFilterState "NodeTaintsPolicy honored"
    @Test
    void taintsHonored_leaveTheUntoleratedTaintedNodeOutOfTheDomains() {
        taintedThirdNode();
        CompiledPod p = incoming(compiler, Map.of(), false, constraint("node", "bar", null, "Honor"));
        assertTrue(p.spreadConstraints.get(0).honorNodeTaints());
        assertDomains(domains(p, 0), Map.of("node-a", 1, "node-b", 2));
    }

    // upstream: TestPreFilterState "NodeTaintsPolicy ignored"
    @Test
    void taintsIgnoredByDefault_countTheTaintedNode() {
        taintedThirdNode();
        assertDomains(domains(incoming(compiler, Map.of(), false, constraint("node", "bar", null, null)), 0),
                Map.of("node-a", 1, "node-b", 2, "node-c", 0));
    }

    // upstream: TestPreFilterState "NodeTaintsPolicy honored with tolerated taints"
    @Test
    void taintsHonored_countATaintThePodTolerates() {
        taintedThirdNode();
        assertDomains(domains(incoming(compiler, Map.of(), true, constraint("node", "bar", null, "Honor")), 0),
                Map.of("node-a", 1, "node-b", 2, "node-c", 0));
    }

    /** A taint written after the counts were first taken leaves the node out in the next cycle. */
    @Test
    void taintsHonored_followTaintsAddedDuringTheRun() {
        taintedThirdNode();
        CompiledPod p = incoming(compiler, Map.of(), false, constraint("node", "bar", null, "Honor"));
        assertEquals(2, domains(p, 0).domainCount());
        cache.addTaint(cache.indexOf("node-a"), "node.kubernetes.io/unreachable", "", io.nodesim.scheduler.TaintEffects.NO_EXECUTE);
        assertDomains(domains(p, 0), Map.of("node-b", 2));
    }

    // upstream: TestPreFilterState "NodeAffinityPolicy ignored with nodeAffinity" (a nodeSelector here)
    @Test
    void affinityIgnored_countsNodesTheSelectorExcludes() {
        int a = node("node-a", labels("node", "node-a", "foo", ""));
        int b = node("node-b", labels("node", "node-b", "foo", ""));
        int c = node("node-c", labels("node", "node-c", "bar", ""));
        existing(a, "bar");
        existing(b, "bar");
        existing(b, "bar");
        existing(c, null);
        assertDomains(domains(incoming(compiler, Map.of("foo", ""), false, constraint("node", "bar", "Ignore", null)), 0),
                Map.of("node-a", 1, "node-b", 2, "node-c", 0));
        assertDomains(domains(incoming(compiler, Map.of("foo", ""), false, constraint("node", "bar", null, null)), 0),
                Map.of("node-a", 1, "node-b", 2));
    }

    // upstream: TestPreFilterState "two node inclusion Constraints, zone: honor/ignore, node: ignore/ignore"
    @Test
    void twoConstraints_zoneHonorsTheSelector_nodeIgnoresIt() {
        node("node-a", labels("zone", "zone1", "node", "node-a", "foo", ""));
        int b = node("node-b", labels("zone", "zone1", "node", "node-b"));
        int x = node("node-x", labels("zone", "zone2", "node", "node-x", "foo", ""));
        existing(b, "foo");
        existing(b, "foo");
        existing(x, "foo");
        CompiledPod p = incoming(compiler, Map.of("foo", ""), false, constraint("zone", "foo", null, null),
                constraint("node", "foo", "Ignore", null));
        assertDomains(domains(p, 0), Map.of("zone1", 0, "zone2", 1));
        assertDomains(domains(p, 1), Map.of("node-a", 0, "node-b", 2, "node-x", 1));
    }

    // upstream: TestPreFilterState "two node inclusion Constraints, zone: honor/honor, node: honor/ignore"
    @Test
    void twoConstraints_zoneHonorsTaints_nodeIgnoresThem() {
        node("node-a", labels("zone", "zone1", "node", "node-a", "foo", ""));
        int b = node("node-b", labels("zone", "zone1", "node", "node-b"), TAINT);
        int x = node("node-x", labels("zone", "zone2", "node", "node-x", "foo", ""));
        existing(b, "foo");
        existing(b, "foo");
        existing(x, "foo");
        CompiledPod p = incoming(compiler, Map.of(), false, constraint("zone", "foo", null, "Honor"),
                constraint("node", "foo", null, null));
        assertDomains(domains(p, 0), Map.of("zone1", 0, "zone2", 1));
        assertDomains(domains(p, 1), Map.of("node-a", 0, "node-b", 2, "node-x", 1));
    }

    /** Before 1.26 the API server drops the policies (gate alpha, off, in 1.25): refused, not ignored. */
    @Test
    void policiesBefore126_areRefusedAsNotModelled() {
        PodCompiler v125 = new PodCompiler(cache, true, NamespaceLabels.NONE_DECLARED, KubernetesVersion.parse("1.25"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> incoming(v125, Map.of(), false, constraint("node", "bar", null, "Honor")));
        assertTrue(e.getMessage().startsWith("not modelled: topologySpreadConstraints.nodeTaintsPolicy before 1.26"),
                e.getMessage());
        PodCompiler v126 = new PodCompiler(cache, true, NamespaceLabels.NONE_DECLARED, KubernetesVersion.parse("1.26"));
        assertTrue(incoming(v126, Map.of(), false, constraint("node", "bar", "Ignore", "Honor")).spreadConstraints.get(0)
                .honorNodeTaints());
        assertThrows(IllegalArgumentException.class,
                () -> incoming(compiler, Map.of(), false, constraint("node", "bar", "honor", null)));
    }

    /** System default constraints keep upstream's defaults: affinity honoured, taints ignored. */
    @Test
    void systemDefaults_honorAffinityIgnoreTaints() {
        SpreadConstraint d = new SpreadConstraint(3, 0, false, PodSelector.EVERYTHING, 1, false);
        assertEquals(List.of(true, false), List.of(d.honorNodeAffinity(), d.honorNodeTaints()));
    }
    /** The nodes the whole filter chain keeps (TaintToleration filters the tainted node itself). */
    private List<String> feasible(CompiledPod pod) {
        ScheduleResult r = cluster.scheduler(TestCluster.V135).schedule(pod, true);
        List<String> rejected = r.explanation().rejected().stream().map(ScheduleResult.Rejection::node).toList();
        return java.util.Arrays.stream(cache.order()).mapToObj(cache::name).filter(n -> !rejected.contains(n))
                .sorted().toList();
    }

    /** node-1, node-2 in zone-1, a tainted node-3 and node-4 in zone-2; one foo pod on each. */
    private void fourNodesThirdTainted() {
        int[] n = {node("node-1", labels("node", "node-1", "zone", "zone-1", "foo", "")),
            node("node-2", labels("node", "node-2", "zone", "zone-1", "foo", "")),
            node("node-3", labels("node", "node-3", "zone", "zone-2"), TAINT),
            node("node-4", labels("node", "node-4", "zone", "zone-2", "foo", ""))};
        for (int node : n) {
            existing(node, "foo");
        }
    }

    // upstream: test/integration/scheduler/filters TestPodTopologySpreadFilter
    // "NodeTaintsPolicy honored, pods spread across zone as 2/1"
    @Test
    void filter_taintsHonored_zoneTwoCountsOnlyItsUntaintedNode() {
        fourNodesThirdTainted();
        assertEquals(List.of("node-4"), feasible(incoming(compiler, Map.of(), false,
                constraint("zone", "foo", null, "Honor"))));
    }

    // upstream: TestPodTopologySpreadFilter "NodeTaintsPolicy ignored, pods spread across zone as 2/2"
    @Test
    void filter_taintsIgnored_zonesAreEven() {
        fourNodesThirdTainted();
        assertEquals(List.of("node-1", "node-2", "node-4"), feasible(incoming(compiler, Map.of(), false,
                constraint("zone", "foo", null, null))));
    }
    /** Raw PodTopologySpread score of a feasible node. */
    private static long raw(ScheduleResult r, String node) {
        int p = r.explanation().plugins().indexOf(PodTopologySpread.NAME);
        return r.explanation().feasible().stream().filter(n -> n.node().equals(node)).findFirst().orElseThrow().raw()[p];
    }

    /**
     * Scoring (scoring.go {@code initPreScoreState}) counts under the same policies: the filtered,
     * tainted node-b holds two matching pods of zone1; with Honor they leave zone1's count, so node-a
     * scores {@code 0·ln(2+2)} instead of {@code round(2·ln 4) = 3}; node-x keeps {@code round(1·ln 4) = 1}.
     */
    @Test
    void score_taintsHonored_leaveTheTaintedNodesPodsOutOfTheZoneCount() {
        int a = node("node-a", labels("zone", "zone1"));
        int b = node("node-b", labels("zone", "zone1"), TAINT);
        int x = node("node-x", labels("zone", "zone2"));
        existing(b, "foo");
        existing(b, "foo");
        existing(x, "foo");
        TopologySpreadConstraint ignore = new TopologySpreadConstraintBuilder(constraint("zone", "foo", null, null))
                .withWhenUnsatisfiable("ScheduleAnyway").build();
        TopologySpreadConstraint honor = new TopologySpreadConstraintBuilder(constraint("zone", "foo", null, "Honor"))
                .withWhenUnsatisfiable("ScheduleAnyway").build();
        ScheduleResult ignored = cluster.scheduler(TestCluster.V135).schedule(incoming(compiler, Map.of(), false, ignore), true);
        assertEquals(List.of(3L, 1L), List.of(raw(ignored, "node-a"), raw(ignored, "node-x")));
        ScheduleResult honored = cluster.scheduler(TestCluster.V135).schedule(incoming(compiler, Map.of(), false, honor), true);
        assertEquals(List.of(0L, 1L), List.of(raw(honored, "node-a"), raw(honored, "node-x")));
        assertEquals(a, honored.node());
    }
}
