package io.nodesim.scheduler.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scheduler.ConfigTree;
import io.nodesim.scheduler.TestCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleRunTest {
    /** Builds a scenario with only what {@code schedule} reads. */
    public static Scenario scenario(Map<String, Object> kubeScheduler, List<WorkloadSpec> workloads) {
        List<NodeGroup> nodes = List.of(
                new NodeGroup("a", false, 1, List.of("z1"), TestCluster.node(4000, 8192, Map.of())),
                new NodeGroup("b", false, 1, List.of("z2"), TestCluster.node(4000, 8192, Map.of(),
                        "dedicated=gpu:NoSchedule")),
                new NodeGroup("c", false, 1, List.of("z1"), TestCluster.node(8000, 16384, Map.of())));
        KubernetesVersion v = KubernetesVersion.parse("1.35");
        return Scenario.builder("t", v, TestCluster.V135, ConfigTree.compile(kubeScheduler, v, TestCluster.V135))
                .sourceFile("t.yaml").seed(7).duration(1).nodes(nodes).workloads(workloads).build();
    }

    public static List<WorkloadSpec> workloads() {
        PodTemplateSpec web = TestCluster.template(1000, 1024, Map.of("app", "web"));
        PodTemplateSpec pinned = new PodTemplateSpecBuilder(TestCluster.template(100, 100, Map.of()))
                .editSpec().withNodeName("a").endSpec().build();
        return List.of(
                new WorkloadSpec("Deployment", "web", null, 2, Map.of("app", "web"), web, null),
                new WorkloadSpec("DaemonSet", "agent", null, 0, Map.of(), TestCluster.template(50, 64, Map.of()), null),
                new WorkloadSpec("Pod", "static", null, 1, Map.of(), pinned, null));
    }

    @Test
    void bindsNodeNamePodsFirst_thenSchedulesInOrder_daemonSetSkipsTaintedNode() {
        ScheduleRun run = ScheduleRun.run(scenario(Map.of(), workloads()));
        List<String> pods = run.placements().stream().map(Placement::pod).toList();
        assertEquals(List.of("static", "web-0", "web-1", "agent-a", "agent-c"), pods);
        Placement web0 = run.placements().get(1);
        // b is tainted NoSchedule; c is twice as big, so LeastAllocated prefers it
        assertEquals("c", web0.node());
        assertEquals(2, web0.result().feasibleNodes());
        assertEquals("a", run.placements().get(3).node());
        assertEquals(1, run.placements().get(3).result().feasibleNodes());
        assertTrue(run.placements().get(0).boundByNodeName());
    }
}
