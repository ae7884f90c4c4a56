package io.nodesim.importer;

import io.nodesim.importer.anonymize.Names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.importer.model.ImportModel;
import io.nodesim.importer.model.ImportedWorkload;
import io.nodesim.importer.model.Skipped;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scenario.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mixed-cluster.yaml}: a {@code kubectl get ... -A -o yaml} List with managedFields, admission
 * tolerations and controller ownerReferences: a rollout in progress, a StatefulSet with a claim
 * template, a DaemonSet, a cordoned and a control-plane node, {@code web} in two namespaces, a Job
 * pod, a finished pod, a mirror pod, a pod of a CRD owner, a PDB and a PriorityClass.
 */
class OwnerReferenceImportTest {
    @TempDir
    Path tmp;
    ImportModel model;
    Path out;

    @BeforeEach
    void importFixture() {
        out = tmp.resolve("mixed");
        model = Importer.run(new Importer.Options(List.of(Samples.fixture("mixed-cluster.yaml")), Set.of(), Set.of(),
                out), Names.identity()).model();
    }

    private ImportedWorkload workload(String qualified) {
        return model.workloads().stream().filter(w -> w.qualifiedName().equals(qualified)).findFirst().orElseThrow();
    }

    @Test
    void rolloutInProgressTakesTheDeploymentsReplicasAndPlacesTheNewestReplicaSetFirst() {
        ImportedWorkload web = workload("shop/web");
        assertEquals("Deployment", web.kind());
        assertEquals(3, web.replicas());
        assertEquals(List.of("web-7b9f6c8d5-4kd8s", "web-7b9f6c8d5-m2n7p", "web-6d4cf56db6-2xq9z"),
                web.placed().stream().map(p -> p.name()).toList());
        assertTrue(model.skipped().stream().anyMatch(s -> s.name().equals("web-6d4cf56db6-8hjkl")
                && s.reason().startsWith("beyond the 3 replicas")));
    }

    @Test
    void sameNameInTwoNamespacesMakesTwoWorkloads() {
        assertEquals("Deployment", workload("web").kind());
        assertEquals("Deployment", workload("shop/web").kind());
    }

    @Test
    void jobFinishedAndCrdOwnedPodsAreSkippedWithTheirReason() {
        List<String> reasons = model.skipped().stream().map(Skipped::reason).toList();
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("owned by a Job")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("finished (phase Succeeded)")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("owned by a Rollout")), reasons.toString());
        assertEquals(4, model.skipped().size());
    }

    @Test
    void theWrittenScenarioLoadsWithStatefulSetClaimsDaemonSetMirrorPodAndNamespaces() {
        Scenario s = ScenarioLoader.load(out.resolve("scenario.yaml"));
        assertEquals(3, s.nodeCount());
        assertEquals(List.of("shop/web", "web", "shop/db", "monitoring/node-exporter", "kube-system/kube-apiserver-cp-1",
                "debug-shell"), s.workloads().stream().map(WorkloadSpec::displayName).toList());
        WorkloadSpec db = s.workloads().get(2);
        assertEquals("StatefulSet", db.kind());
        var sts = (io.fabric8.kubernetes.api.model.apps.StatefulSet) db.manifest();
        assertEquals(List.of("ReadWriteOnce"), sts.getSpec().getVolumeClaimTemplates().get(0).getSpec().getAccessModes());
        WorkloadSpec mirror = s.workloads().get(4);
        assertEquals("cp-1", mirror.template().getSpec().getNodeName());
        WorkloadSpec web = s.workloads().get(0);
        assertEquals(100000, web.template().getSpec().getPriority(), "priorityClassName resolved from the PriorityClass");
        assertEquals(2, web.template().getSpec().getTolerations().size(),
                "the loader's own DefaultTolerationSeconds, once: the import wrote none");
        WorkloadSpec daemon = s.workloads().get(3);
        assertNull(daemon.template().getSpec().getAffinity(), "no per-node matchFields pin on the template");
        assertTrue(s.nodes().get(2).template().getSpec().getUnschedulable(), "worker-2 is cordoned");
        assertEquals(1, s.nodes().get(2).template().getSpec().getTaints().size(), "only the user taint dedicated=batch");
        assertEquals("", s.nodes().get(2).zone(0), "worker-2 has no topology.kubernetes.io/zone label");
        assertEquals("eu-west-1b", io.nodesim.cluster.Topology.of(s.nodes()).zoneName(2),
                "its zone comes from the deprecated label it keeps");
        assertEquals("node-role.kubernetes.io/control-plane", s.nodes().get(0).template().getSpec().getTaints().get(0).getKey());
        assertEquals(11, s.initialPlacement().rows().size());
    }

    @Test
    void onlyWhatTheModelUsesIsWritten() throws Exception {
        String all = Files.readString(out.resolve("scenario.yaml")) + Files.readString(out.resolve("workloads.yaml"));
        for (String absent : List.of("managedFields", "do-not-copy", "SECRET_TOKEN", "kube-api-access", "last-applied",
                "172.18.0", "podCIDR", "matchFields", "pod-template-hash", "timeAdded", "kubernetes.io/config.mirror",
                "tolerationSeconds")) {
            assertFalse(all.contains(absent), absent);
        }
        String report = Files.readString(out.resolve("import-report.md"));
        assertTrue(report.contains("PodDisruptionBudgets: 1"), report);
        assertTrue(report.contains("rollout in progress"), report);
    }

    @Test
    void namespaceSelectionKeepsOnlyThoseNamespacesAndCountsTheRest() {
        ImportModel shop = Importer.read(new Importer.Options(List.of(Samples.fixture("mixed-cluster.yaml")),
                Set.of("shop"), Set.of(), tmp.resolve("shop")));
        assertEquals(List.of("shop/web", "shop/db"), shop.workloads().stream().map(ImportedWorkload::qualifiedName).toList());
        assertEquals(7, shop.podsOutsideNamespaces());
        ImportModel noSystem = Importer.read(new Importer.Options(List.of(Samples.fixture("mixed-cluster.yaml")),
                Set.of(), Set.of("kube-system", "monitoring"), tmp.resolve("rest")));
        assertEquals(List.of("shop/web", "web", "shop/db", "debug-shell"),
                noSystem.workloads().stream().map(ImportedWorkload::qualifiedName).toList());
    }
}
