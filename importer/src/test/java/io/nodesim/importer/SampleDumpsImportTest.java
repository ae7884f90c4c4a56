package io.nodesim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.cluster.Topology;
import io.nodesim.cluster.WellKnownLabels;
import io.nodesim.importer.anonymize.Names;
import io.nodesim.importer.model.ImportModel;
import io.nodesim.importer.model.ImportedWorkload;
import io.nodesim.importer.model.NodeEntry;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counts the import-samples README gives for each real dump, and the scenario each one makes. */
class SampleDumpsImportTest {
    @TempDir
    Path tmp;

    private Importer.Result importFolder(String folder) throws Exception {
        return Importer.run(new Importer.Options(Samples.files(folder), Set.of(), Set.of(), tmp.resolve(folder)),
                Names.identity());
    }

    private static long count(ImportModel m, String kind) {
        return m.workloads().stream().filter(w -> w.kind().equals(kind)).count();
    }

    @Test
    void gkeDumpWithEveryOwnerMissingGivesSeventeenWorkloadsAndTwentySevenPlacedPods() throws Exception {
        ImportModel m = importFolder("kalc-gke-1.12").model();
        assertEquals(5, m.nodes().size());
        assertEquals(17, m.workloads().size());
        assertEquals(10, count(m, "Deployment"), "10 ReplicaSets, each named with its pod-template-hash");
        assertEquals(2, count(m, "DaemonSet"));
        assertEquals(5, count(m, "Pod"), "the kube-proxy mirror pods");
        assertEquals(27, m.placedPods());
        assertEquals(5, m.skipped().size());
        assertTrue(m.nodes().stream().allMatch(n -> "us-central1-a".equals(n.zone())),
                "the zone comes from the deprecated failure-domain label");
        Scenario s = ScenarioLoader.load(tmp.resolve("kalc-gke-1.12/scenario.yaml"));
        assertEquals("1.12", s.kubernetesVersion().toString());
        assertEquals(27, s.initialPlacement().rows().size());
    }

    @Test
    void gkeNodesKeepTheirDeprecatedZoneLabelsAndTheEngineReadsTheZoneFromThem() throws Exception {
        importFolder("kalc-gke-1.12");
        String text = Files.readString(tmp.resolve("kalc-gke-1.12/scenario.yaml"));
        assertFalse(text.lines().anyMatch(l -> l.matches(" +(zone|region): .*")),
                "a 1.12 kubelet set no topology.kubernetes.io labels, so no zone field invents them");
        Topology t = Topology.of(ScenarioLoader.load(tmp.resolve("kalc-gke-1.12/scenario.yaml")).nodes());
        assertEquals(List.of("us-central1-a"), t.zones());
        for (int i = 0; i < t.size(); i++) {
            assertEquals("us-central1-a", t.labels(i).get(WellKnownLabels.DEPRECATED_ZONE));
            assertEquals("us-central1", t.labels(i).get(WellKnownLabels.DEPRECATED_REGION));
            assertFalse(t.labels(i).containsKey(WellKnownLabels.ZONE), t.labels(i).toString());
        }
    }

    @Test
    void mixedYamlAndJsonDumpLeavesThePendingPodToTheScheduler() throws Exception {
        ImportModel m = importFolder("kalc-gke-1.12-default-ns").model();
        assertEquals(6, m.workloads().size());
        assertEquals(13, m.placedPods());
        assertEquals(5, m.skipped().size());
        int desired = m.workloads().stream().filter(w -> !w.kind().equals("DaemonSet"))
                .mapToInt(ImportedWorkload::replicas).sum();
        assertEquals(9, desired, "5 Deployments' 8 running pods and the Pending one");
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("1 Pending pod")));
    }

    @Test
    void openShiftNodesInAYamlNamedJsonFileKeepZonesCordonAndUserTaintsOnly() throws Exception {
        Path out = tmp.resolve("oc-azure-3-zones");
        ImportModel m = importFolder("oc-azure-3-zones").model();
        assertEquals(6, m.nodes().size());
        assertEquals(Set.of("centralus-1", "centralus-2", "centralus-3"),
                Set.copyOf(m.nodes().stream().map(NodeEntry::zone).toList()));
        NodeEntry master1 = m.nodes().stream().filter(n -> n.name().endsWith("master-1")).findFirst().orElseThrow();
        assertTrue(master1.unschedulable());
        assertTrue(m.nodes().stream().flatMap(n -> n.taints().stream())
                .noneMatch(t -> t.key().startsWith("node.kubernetes.io/")));
        assertTrue(master1.taints().stream().anyMatch(t -> t.key().equals("node-role.kubernetes.io/master")));
        assertTrue(m.workloads().isEmpty());
        assertFalse(Files.exists(out.resolve("workloads.yaml")));
        assertEquals("workload,pod,node\r\n", Files.readString(out.resolve("initial-placement.csv")));
        String scenario = Files.readString(out.resolve("scenario.yaml"));
        assertFalse(scenario.contains("timeAdded"));
        Scenario s = ScenarioLoader.load(out.resolve("scenario.yaml"));
        assertEquals(6, s.nodeCount());
        assertEquals("1.33", s.kubernetesVersion().toString());
    }

    @Test
    void typedListsWhoseItemsCarryNoKindAreReadByTheListKind() throws Exception {
        ImportModel m = importFolder("honeycomb-raw-lists").model();
        assertEquals(2, m.nodes().size());
        assertEquals(11, m.placedPods());
        assertEquals(List.of("us-east-1a", "us-east-2d"), m.nodes().stream().map(NodeEntry::zone).toList());
        assertTrue(m.nodes().get(0).taints().stream().anyMatch(t -> t.key().equals("type") && "hound".equals(t.value())));
    }

    @Test
    void podsWithoutNodesAreBadInputNamingTheFileAndNothingIsWritten() throws Exception {
        Path out = tmp.resolve("neat");
        var dump = Samples.files("kubectl-neat-pods-only"); // skips the test where the samples are absent
        ImportException e = assertThrows(ImportException.class, () -> Importer.run(new Importer.Options(
                dump, Set.of(), Set.of(), out), Names.identity()));
        assertTrue(e.getMessage().contains("list1-raw.json"), e.getMessage());
        assertTrue(e.getMessage().contains("no Node objects"), e.getMessage());
        assertFalse(Files.exists(out));
        try (var s = Files.list(tmp)) {
            assertEquals(0, s.count(), "no temporary directory left behind");
        }
    }
}
