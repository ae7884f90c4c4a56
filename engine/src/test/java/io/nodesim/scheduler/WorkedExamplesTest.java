package io.nodesim.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.nodesim.scenario.VersionProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-computed examples of spec/scheduler.md §6, for v1.35 and v1.36 (only BA differs). */
class WorkedExamplesTest {

    private static long total(ScheduleResult r, String node) {
        return r.explanation().feasible().stream().filter(s -> s.node().equals(node)).findFirst().orElseThrow().total();
    }

    private static TestCluster v1Cluster() {
        TestCluster c = new TestCluster();
        int n1 = c.add("n1", 4000, 8192);
        int n2 = c.add("n2", 8000, 16384);
        c.add("n3", 4000, 8192);
        c.place(n1, 2000, 4096, 1);
        c.place(n2, 2000, 4096, 1);
        return c;
    }

    @ParameterizedTest
    @CsvSource({"false, 425, 462, 475", "true, 400, 437, 450"})
    void v1_leastAllocated_picksEmptiestNode(boolean v136, long n1, long n2, long n3) {
        TestCluster c = v1Cluster();
        ScheduleResult r = c.scheduler(v136 ? TestCluster.V136 : TestCluster.V135).schedule(c.pod("p", 1000, 2048), true);
        assertEquals(n1, total(r, "n1"));
        assertEquals(n2, total(r, "n2"));
        assertEquals(n3, total(r, "n3"));
        assertEquals("n3", r.nodeName());
        assertEquals(List.of("n3"), r.tieSet(c.nodes));
    }

    @Test
    void v1_mostAllocated_picksFullestNode() {
        TestCluster c = v1Cluster();
        Map<String, Object> cfg = Map.of("profiles", List.of(Map.of("pluginConfig", List.of(Map.of(
                "name", "NodeResourcesFit", "args", Map.of("scoringStrategy", Map.of("type", "MostAllocated")))))));
        ScheduleResult r = c.scheduler(TestCluster.V135, cfg).schedule(c.pod("p", 1000, 2048), true);
        assertEquals(475, total(r, "n1"));
        assertEquals(437, total(r, "n2"));
        assertEquals(425, total(r, "n3"));
        assertEquals("n1", r.nodeName());
    }

    @ParameterizedTest
    @CsvSource({"false, 436, 424", "true, 421, 415"})
    void v2_balancedAllocation_breaksLeastAllocatedTie(boolean v136, long n1, long n2) {
        TestCluster c = new TestCluster();
        int a = c.add("n1", 4000, 8192);
        int b = c.add("n2", 4000, 8192);
        c.place(a, 1000, 4096, 1);
        c.place(b, 2000, 2048, 1);
        ScheduleResult r = c.scheduler(v136 ? TestCluster.V136 : TestCluster.V135).schedule(c.pod("p", 1000, 1024), true);
        assertEquals(n1, total(r, "n1"));
        assertEquals(n2, total(r, "n2"));
        assertEquals("n1", r.nodeName());
    }

    @ParameterizedTest
    @CsvSource({"false, 336, 186, 486", "true, 313, 163, 463"})
    void v3_taints_filterNoScheduleAndPenalisePreferNoSchedule(boolean v136, long n2, long n3, long n4) {
        TestCluster c = new TestCluster();
        c.add("n1", 4000, 8192, "dedicated=gpu:NoSchedule");
        c.add("n2", 4000, 8192, "a=1:PreferNoSchedule");
        c.add("n3", 4000, 8192, "a=1:PreferNoSchedule", "b=2:PreferNoSchedule");
        c.add("n4", 4000, 8192);
        ScheduleResult r = c.scheduler(v136 ? TestCluster.V136 : TestCluster.V135).schedule(c.pod("p", 500, 512), true);
        assertEquals(List.of(new ScheduleResult.Rejection("n1", "TaintToleration",
                "node(s) had untolerated taint(s)")), r.explanation().rejected());
        assertEquals(n2, total(r, "n2"));
        assertEquals(n3, total(r, "n3"));
        assertEquals(n4, total(r, "n4"));
        assertEquals("n4", r.nodeName());
        assertEquals(3, r.feasibleNodes());
    }

    @ParameterizedTest
    @CsvSource({"false, 461, 474, 686", "true, 444, 454, 663"})
    void v5_topologySpread_tieBetweenEmptyZoneNodes(boolean v136, long n1, long n2, long n34) {
        TestCluster c = new TestCluster();
        int a1 = c.addInZone("n1", "a", 4000, 8192);
        int a2 = c.addInZone("n2", "a", 4000, 8192);
        c.addInZone("n3", "b", 4000, 8192);
        c.addInZone("n4", "b", 4000, 8192);
        PodTemplateSpec web = new PodTemplateSpecBuilder(TestCluster.template(500, 512, Map.of("app", "web")))
                .editSpec().addToTopologySpreadConstraints(new TopologySpreadConstraintBuilder().withMaxSkew(1)
                        .withTopologyKey("topology.kubernetes.io/zone").withWhenUnsatisfiable("ScheduleAnyway")
                        .withNewLabelSelector().addToMatchLabels("app", "web").endLabelSelector().build())
                .endSpec().build();
        CompiledPod existing = c.compiler.compile("web-old", "default", TestCluster.template(500, 512,
                Map.of("app", "web")), null);
        c.nodes.pods().addPod(existing, a1);
        c.nodes.pods().addPod(existing, a1);
        c.nodes.pods().addPod(existing, a2);
        CompiledPod pod = c.compiler.compile("web", "default", web, null);
        VersionProfile profile = v136 ? TestCluster.V136 : TestCluster.V135;
        ScheduleResult r = c.scheduler(profile).schedule(pod, true);
        assertEquals(n1, total(r, "n1"));
        assertEquals(n2, total(r, "n2"));
        assertEquals(n34, total(r, "n3"));
        assertEquals(n34, total(r, "n4"));
        assertEquals(List.of("n3", "n4"), r.tieSet(c.nodes).stream().sorted().toList());
        assertTrue(r.tieSet(c.nodes).contains(r.nodeName()));
    }

    @Test
    void v9_roundRobin_twoHundredNodes_checksHundredPerPod() {
        TestCluster c = new TestCluster();
        for (int i = 0; i < 200; i++) {
            c.add("n" + i, 4000, 8192);
        }
        Scheduler s = c.scheduler(TestCluster.V135);
        ScheduleResult first = s.schedule(c.pod("p1", 100, 100), false);
        assertEquals(100, first.feasibleNodes());
        assertEquals(100, first.evaluatedNodes());
        assertEquals(100, s.nextStartNodeIndex());
        ScheduleResult second = s.schedule(c.pod("p2", 100, 100), false);
        assertEquals(100, second.evaluatedNodes());
        assertEquals(0, s.nextStartNodeIndex());
    }

    @Test
    void v9_rejectedNodesAdvanceTheStartIndex() {
        TestCluster c = new TestCluster();
        for (int i = 0; i < 200; i++) {
            c.add("n" + i, i % 11 == 0 ? 10 : 4000, 8192);
        }
        Scheduler s = c.scheduler(TestCluster.V135);
        ScheduleResult r = s.schedule(c.pod("p", 100, 100), false);
        // every 11th node is too small: 10 of the first 110 nodes are rejected before 100 fit
        assertEquals(110, r.evaluatedNodes());
        assertEquals(110, s.nextStartNodeIndex());
    }

    @Test
    void v10_requestedToCapacityRatio() {
        TestCluster c = v1Cluster();
        Map<String, Object> strategy = Map.of("type", "RequestedToCapacityRatio", "requestedToCapacityRatio",
                Map.of("shape", List.of(Map.of("utilization", 0, "score", 0), Map.of("utilization", 50, "score", 10),
                        Map.of("utilization", 100, "score", 5))));
        Map<String, Object> cfg = Map.of("profiles", List.of(Map.of("pluginConfig", List.of(Map.of(
                "name", "NodeResourcesFit", "args", Map.of("scoringStrategy", strategy))))));
        ScheduleResult r = c.scheduler(TestCluster.V135, cfg).schedule(c.pod("p", 1000, 2048), true);
        int fit = r.explanation().plugins().indexOf("NodeResourcesFit");
        Map<String, Long> raw = new java.util.HashMap<>();
        r.explanation().feasible().forEach(s -> raw.put(s.node(), s.raw()[fit]));
        assertEquals(Map.of("n1", 75L, "n2", 74L, "n3", 50L), raw);
    }
}
