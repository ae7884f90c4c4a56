package io.nodesim.reports.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.VersionProfile;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scheduler.SchedulerConfigurations;
import io.nodesim.scheduler.explain.ScheduleRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleCsvTest {
    @TempDir
    Path dir;

    /** Spec §6 V1 cluster without the existing pods: n2 is twice as big, so it wins. */
    private static ScheduleRun run() {
        List<NodeGroup> nodes = List.of(group("n1", "4"), group("n2", "8"));
        var template = new PodTemplateSpecBuilder().withNewMetadata().endMetadata().withNewSpec()
                .addToContainers(new ContainerBuilder().withName("c").withImage("app").withNewResources()
                        .withRequests(Map.of("cpu", new Quantity("1"), "memory", new Quantity("2Gi"))).endResources()
                        .build()).endSpec().build();
        VersionProfile profile = new VersionProfile("1.34+", true, true, true, false, false, true);
        Scenario s = Scenario.builder("t", KubernetesVersion.parse("1.35"), profile,
                SchedulerConfigurations.defaults(KubernetesVersion.parse("1.35"), profile)).sourceFile("t.yaml").seed(1)
                .duration(1).nodes(nodes).workloads(List.of(new WorkloadSpec("Pod", "p", null, 1, Map.of(), template, null)))
                .build();
        return ScheduleRun.run(s);
    }

    private static NodeGroup group(String name, String cpu) {
        return new NodeGroup(name, false, 1, List.of(), new NodeBuilder().withNewMetadata().endMetadata()
                .withNewStatus().withAllocatable(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(cpu + "Gi"),
                        "pods", new Quantity("110"))).endStatus().build());
    }

    @Test
    void writesPlacementsAndScores() throws Exception {
        ScheduleCsv.write(dir, run().placements());
        // n1: LA (75+50)/2 = 62, BA f=.25/.5 → 87; TT 300 → 449. n2: LA (87+75)/2 = 81, BA .125/.25 → 93 → 474
        assertEquals(List.of("pod,node,total_score,feasible_nodes,tie_set", "p,n2,474,2,n2"),
                Files.readAllLines(dir.resolve("placements.csv")));
        List<String> scores = Files.readAllLines(dir.resolve("scores.csv"));
        assertEquals("pod,node,plugin,raw,normalized,weight,weighted", scores.get(0));
        assertTrue(scores.contains("p,n1,TaintToleration,0,100,3,300"), scores.toString());
        assertTrue(scores.contains("p,n2,NodeResourcesFit,81,81,1,81"), scores.toString());
        assertTrue(scores.stream().noneMatch(l -> l.contains("NodeAffinity")), "skipped plugins have no rows");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void printsATablePerPodForSmallClusters() {
        StringWriter out = new StringWriter();
        ScoreTable.print(new PrintWriter(out), run().placements(), 2);
        String text = out.toString();
        assertTrue(text.startsWith("p -> n2 (total 474, 2 feasible of 2 evaluated)"), text);
        assertTrue(text.contains("TaintToleration x3"), text);
    }
}
