package io.nodesim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.cluster.Topology;
import io.nodesim.cluster.WellKnownLabels;
import io.nodesim.importer.anonymize.Names;
import io.nodesim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zone labels of imported nodes: the GA ones become zone/region, the deprecated ones stay labels. */
class NodeZoneImportTest {
    @TempDir
    Path tmp;

    private static String node(String name, String labels) {
        return """
                {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "%s", "labels": {%s}},
                 "status": {"allocatable": {"cpu": "4", "memory": "16Gi", "pods": "110"},
                            "nodeInfo": {"kubeletVersion": "v1.29.4"}}}""".formatted(name, labels);
    }

    private Importer.Result importNodes(String... nodes) throws Exception {
        Path dump = Files.writeString(tmp.resolve("nodes.json"),
                "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [" + String.join(",", nodes) + "]}");
        return Importer.run(new Importer.Options(List.of(dump), Set.of(), Set.of(), tmp.resolve("out")), Names.identity());
    }

    @Test
    void aModernNodeKeepsBothSpellingsWithOneZone() throws Exception {
        importNodes(node("n1", "\"topology.kubernetes.io/zone\": \"z1\", \"failure-domain.beta.kubernetes.io/zone\": \"z1\""));
        Topology t = Topology.of(ScenarioLoader.load(tmp.resolve("out/scenario.yaml")).nodes());
        assertEquals("z1", t.zoneName(0));
        assertEquals("z1", t.labels(0).get(WellKnownLabels.ZONE));
        assertEquals("z1", t.labels(0).get(WellKnownLabels.DEPRECATED_ZONE));
    }

    @Test
    void aDeprecatedLabelThatDiffersFromTheGaOneIsDroppedAndNoted() throws Exception {
        Importer.Result r = importNodes(node("n1", "\"topology.kubernetes.io/zone\": \"z1\", "
                + "\"failure-domain.beta.kubernetes.io/zone\": \"old\""));
        Topology t = Topology.of(ScenarioLoader.load(tmp.resolve("out/scenario.yaml")).nodes());
        assertEquals("z1", t.zoneName(0));
        assertFalse(t.labels(0).containsKey(WellKnownLabels.DEPRECATED_ZONE), t.labels(0).toString());
        assertTrue(r.model().notes().stream().anyMatch(n -> n.startsWith("Node n1: failure-domain.beta.kubernetes.io/zone"
                + "=old differs from its topology.kubernetes.io/zone label")), r.model().notes().toString());
    }
}
