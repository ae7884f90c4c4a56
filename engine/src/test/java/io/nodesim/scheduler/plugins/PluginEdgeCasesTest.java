package io.nodesim.scheduler.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.PodCompiler;
import io.nodesim.scheduler.ScheduleResult;
import io.nodesim.scheduler.TestCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginEdgeCasesTest {
    private static long raw(ScheduleResult r, String plugin, String node) {
        int p = r.explanation().plugins().indexOf(plugin);
        return r.explanation().feasible().stream().filter(s -> s.node().equals(node)).findFirst().orElseThrow().raw()[p];
    }

    private static boolean skipped(ScheduleResult r, String plugin) {
        int p = r.explanation().plugins().indexOf(plugin);
        return r.explanation().feasible().get(0).skipped()[p];
    }

    @Test
    void zeroAllocatableMemory_isIgnoredByScoring_butRejectsAMemoryRequest() {
        TestCluster c = new TestCluster();
        int n = c.nodes.addNode(new NodeBuilder().withNewStatus().withAllocatable(Map.of("cpu", new Quantity("4"),
                "pods", new Quantity("10"))).endStatus().build(), "cpu-only", "");
        NodeResourcesFit fit = new NodeResourcesFit(c.nodes, ScoringStrategy.DEFAULT);
        CompiledPod cpuOnly = c.pod("p", 1000, 0);
        fit.preFilter(cpuOnly);
        assertNull(fit.filter(cpuOnly, n));
        fit.preScore(cpuOnly, new int[] {n}, 1);
        // memory allocatable 0: only cpu counts, (4000 − 1000) · 100 / 4000 = 75
        assertEquals(75, fit.score(cpuOnly, n));
        CompiledPod withMemory = c.pod("m", 1000, 10);
        fit.preFilter(withMemory);
        assertEquals("Insufficient memory", fit.filter(withMemory, n));
    }

    @Test
    void everyShortfallIsAReason_andTheFitErrorCountsEach() {
        TestCluster c = new TestCluster();
        c.add("tiny", 100, 100);
        c.add("small", 100, 8192);
        ScheduleResult r = c.scheduler(TestCluster.V135).schedule(c.pod("p", 1000, 1000), true);
        assertEquals("Insufficient cpu; Insufficient memory", r.explanation().rejected().get(0).reason());
        assertEquals("0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.", r.message());
    }

    @Test
    void tooManyPods_comesFirst() {
        TestCluster c = new TestCluster();
        int n = c.nodes.addNode(new NodeBuilder().withNewStatus().withAllocatable(Map.of("cpu", new Quantity("1"),
                "memory", new Quantity("1Gi"), "pods", new Quantity("1"))).endStatus().build(), "tiny", "");
        c.place(n, 10, 10, 1);
        NodeResourcesFit fit = new NodeResourcesFit(c.nodes, ScoringStrategy.DEFAULT);
        CompiledPod pod = c.pod("p", 5000, 10);
        fit.preFilter(pod);
        assertEquals("Too many pods; Insufficient cpu", fit.filter(pod, n));
    }

    @Test
    void bestEffortPod_usesNonZeroDefaultsForFit_andSkipsBalancedAllocationFrom133() {
        TestCluster c = new TestCluster();
        c.add("n1", 1000, 1000);
        c.add("n2", 2000, 2000);
        CompiledPod be = c.pod("be", 0, 0);
        assertEquals(PodCompiler.DEFAULT_MILLI_CPU_REQUEST, be.nonZeroCpu);
        assertEquals(PodCompiler.DEFAULT_MEMORY_REQUEST, be.nonZeroMemory);
        ScheduleResult r = c.scheduler(TestCluster.V135).schedule(be, true);
        assertTrue(skipped(r, "NodeResourcesBalancedAllocation"));
        // n1: cpu (1000 − 100) · 100 / 1000 = 90; memory (1000 Mi − 200 Mi) → 80; mean 85
        assertEquals(85, raw(r, "NodeResourcesFit", "n1"));
    }

    @Test
    void untaggedImage_matchesTheNodesLatestTag() {
        assertEquals("nginx:latest", PodCompiler.normalizedImageName("nginx"));
        assertEquals("registry:5000/app:latest", PodCompiler.normalizedImageName("registry:5000/app"));
        assertEquals("nginx:1.25", PodCompiler.normalizedImageName("nginx:1.25"));
        TestCluster c = new TestCluster();
        long size = 500L * 1024 * 1024;
        int with = c.nodes.addNode(new NodeBuilder(TestCluster.node(4000, 8192, Map.of())).editStatus().addNewImage()
                .withNames("nginx:latest").withSizeBytes(size).endImage().endStatus().build(), "with", "");
        c.add("without", 4000, 8192);
        PodTemplateSpec t = new PodTemplateSpecBuilder().withNewMetadata().endMetadata().withNewSpec()
                .addToContainers(new ContainerBuilder().withName("c").withImage("nginx").build()).endSpec().build();
        CompiledPod pod = c.compiler.compile("p", "default", t, null);
        ImageLocality il = new ImageLocality(c.nodes);
        // 500 MiB × 1/2 nodes = 250 MiB; (250 − 23) · 100 / (1000 − 23) = 23
        assertEquals(23, il.score(pod, with));
    }

    @Test
    void explicitSpread_ignoresNodeWithoutTheKey_andHardConstraintRejectsIt() {
        TestCluster c = new TestCluster();
        c.addInZone("za", "a", 4000, 8192);
        c.add("nozone", 4000, 8192);
        PodTemplateSpec soft = spread("ScheduleAnyway");
        ScheduleResult r = c.scheduler(TestCluster.V135).schedule(c.compiler.compile("s", "default", soft, null), true);
        int p = r.explanation().plugins().indexOf("PodTopologySpread");
        for (ScheduleResult.NodeScores s : r.explanation().feasible()) {
            assertEquals(s.node().equals("nozone") ? 0 : 100, s.normalized()[p], s.node());
        }
        ScheduleResult hard = c.scheduler(TestCluster.V135).schedule(c.compiler.compile("h", "default",
                spread("DoNotSchedule"), null), true);
        assertEquals("za", hard.nodeName());
        assertEquals(List.of(new ScheduleResult.Rejection("nozone", "PodTopologySpread",
                "node(s) didn't match pod topology spread constraints (missing required label)")),
                hard.explanation().rejected());
    }

    private static PodTemplateSpec spread(String when) {
        return new PodTemplateSpecBuilder(TestCluster.template(100, 100, Map.of("app", "x"))).editSpec()
                .addToTopologySpreadConstraints(new TopologySpreadConstraintBuilder().withMaxSkew(1)
                        .withTopologyKey("topology.kubernetes.io/zone").withWhenUnsatisfiable(when)
                        .withNewLabelSelector().addToMatchLabels("app", "x").endLabelSelector().build())
                .endSpec().build();
    }

    @Test
    void systemDefaultSpread_appliesToReplicaSetPods_notToBarePods() {
        TestCluster c = new TestCluster();
        int a = c.addInZone("a", "z1", 4000, 8192);
        c.addInZone("b", "z2", 4000, 8192);
        PodTemplateSpec t = TestCluster.template(100, 100, Map.of("app", "web"));
        CompiledPod replica = c.compiler.compile(new io.nodesim.scenario.WorkloadSpec("ReplicaSet", "web", null, 3,
                Map.of("app", "web"), t, null));
        CompiledPod bare = c.compiler.compile(new io.nodesim.scenario.WorkloadSpec("Pod", "solo", null, 1,
                Map.of(), t, null));
        c.nodes.pods().addPod(replica, a);
        var s = c.scheduler(TestCluster.V135);
        ScheduleResult r = s.schedule(replica, true);
        // hostname (maxSkew 3, w = ln 4) and zone (maxSkew 5, w = ln 4): a: round(1.386 + 2 + 1.386 + 4) = 9, b: 6
        assertEquals(9, raw(r, "PodTopologySpread", "a"));
        assertEquals(6, raw(r, "PodTopologySpread", "b"));
        assertTrue(skipped(s.schedule(bare, true), "PodTopologySpread"));
    }

    @Test
    void requiredAntiAffinity_keepsReplicasOnDistinctNodes() {
        TestCluster c = new TestCluster();
        c.add("n1", 4000, 8192);
        c.add("n2", 4000, 8192);
        PodTemplateSpec t = new PodTemplateSpecBuilder(TestCluster.template(100, 100, Map.of("app", "db"))).editSpec()
                .withNewAffinity().withNewPodAntiAffinity().addToRequiredDuringSchedulingIgnoredDuringExecution(
                        new PodAffinityTermBuilder().withTopologyKey("kubernetes.io/hostname").withNewLabelSelector()
                                .addToMatchLabels("app", "db").endLabelSelector().build())
                .endPodAntiAffinity().endAffinity().endSpec().build();
        CompiledPod db = c.compiler.compile("db", "default", t, null);
        var s = c.scheduler(TestCluster.V135);
        String first = s.scheduleOne(db).nodeName();
        String second = s.scheduleOne(db).nodeName();
        assertTrue(!first.equals(second));
        ScheduleResult third = s.scheduleOne(db);
        assertEquals("0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules.", third.message());
    }

    @Test
    void hostPortConflict_rejectsTheNode() {
        TestCluster c = new TestCluster();
        c.add("n1", 4000, 8192);
        PodTemplateSpec t = new PodTemplateSpecBuilder(TestCluster.template(100, 100, Map.of())).editSpec()
                .editFirstContainer().addNewPort().withContainerPort(80).withHostPort(8080).endPort().endContainer()
                .endSpec().build();
        CompiledPod pod = c.compiler.compile("web", "default", t, null);
        var s = c.scheduler(TestCluster.V135);
        assertEquals("n1", s.scheduleOne(pod).nodeName());
        assertEquals("0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.",
                s.scheduleOne(pod).message());
    }
}
