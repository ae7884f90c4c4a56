package io.nodesim.importer.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real GKE dump's pods (shared/import-samples/kalc-gke-1.12) written through {@link HmacNames}, the way the
 * scenario writer writes what the model uses: no original name is left in the output, map.csv holds each one,
 * and what matched before (selectors, hostname affinity, image locality) still matches.
 */
class AnonymisedDumpTest {
    @TempDir
    Path out;

    private static JsonNode pods() throws Exception {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("shared/import-samples/kalc-gke-1.12/pods.yaml");
            if (Files.exists(p)) {
                return new YAMLMapper().readTree(p.toFile());
            }
        }
        assumeTrue(false, "shared/import-samples not found");
        return null;
    }

    /** The names nodesim keeps of one pod, as one line each of the anonymised output, and the originals. */
    private static void write(JsonNode pod, Names n, List<String> lines, TreeSet<String> originals) {
        JsonNode meta = pod.path("metadata");
        String ns = meta.path("namespace").asText();
        String name = meta.path("name").asText();
        JsonNode owner = meta.path("ownerReferences").path(0);
        String workload = owner.isMissingNode() ? name : owner.path("name").asText();
        String node = pod.path("spec").path("nodeName").asText();
        lines.add(n.namespace(ns) + "/" + n.pod(workload, name) + "," + n.workload(workload) + "," + n.node(node));
        originals.add(ns);
        originals.add(name);
        originals.add(workload);
        originals.add(node);
        meta.path("labels").fields().forEachRemaining(e -> {
            lines.add(n.labelKey(e.getKey()) + "=" + n.labelValue(e.getKey(), e.getValue().asText()));
            if (!Names.kubernetesKey(e.getKey())) {
                originals.add(e.getKey());
            }
            originals.add(e.getValue().asText());
        });
        for (JsonNode c : pod.path("spec").path("containers")) {
            lines.add(n.container(c.path("name").asText()) + "," + n.image(c.path("image").asText()));
            originals.add(c.path("name").asText());
            originals.add(c.path("image").asText());
        }
    }

    @Test
    void noOriginalNameIsLeftOutsideMapCsv() throws Exception {
        JsonNode items = pods().path("items");
        HmacNames names = HmacNames.withSalt("salt-for-the-gke-dump-test".getBytes(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        TreeSet<String> originals = new TreeSet<>();
        for (JsonNode pod : items) {
            write(pod, names, lines, originals);
        }
        assertEquals(32, items.size());
        Path scenario = Files.write(out.resolve("workloads.csv"), lines);
        names.writeMap(out.resolve("map.csv"));
        String written = Files.readString(scenario);
        String map = Files.readString(out.resolve("map.csv"));
        // names that are Kubernetes vocabulary keep their text by design; everything else must be gone
        originals.removeIf(o -> o.isEmpty() || List.of("default", "kube-system").contains(o));
        assertTrue(originals.size() > 60, originals.toString());
        java.util.Set<String> fields = new java.util.HashSet<>(List.of(written.split("[\\s/=,]+")));
        for (String o : originals) {
            // a short value ("1", "true") can occur inside a hex token by chance: it must not be a whole field,
            // and a name of 6 characters or more must not occur at all
            assertTrue(!fields.contains(o), "\"" + o + "\" is left in the anonymised output");
            assertTrue(o.length() < 6 || !written.contains(o), "\"" + o + "\" is left in the anonymised output");
            assertTrue(map.contains(o), "\"" + o + "\" is missing from map.csv");
        }
    }

    @Test
    void theSameWorkloadsPodsShareLabelsAndTheirSelectorStillMatches() throws Exception {
        JsonNode items = pods().path("items");
        HmacNames names = HmacNames.withSalt("salt-for-the-gke-dump-test".getBytes(StandardCharsets.UTF_8));
        // every pod of one DaemonSet carries the same k8s-app label in the dump: so do their tokens
        Map<String, TreeSet<String>> byOwner = new java.util.TreeMap<>();
        for (JsonNode pod : items) {
            JsonNode owner = pod.path("metadata").path("ownerReferences").path(0);
            JsonNode app = pod.path("metadata").path("labels").path("k8s-app");
            if (owner.path("kind").asText().equals("DaemonSet") && !app.isMissingNode()) {
                byOwner.computeIfAbsent(owner.path("name").asText(), k -> new TreeSet<>())
                        .add(names.labelKey("k8s-app") + "=" + names.labelValue("k8s-app", app.asText()));
            }
        }
        assertTrue(byOwner.size() >= 1, byOwner.toString());
        byOwner.values().forEach(set -> assertEquals(1, set.size(), set.toString()));
        // a pod's node and a hostname label naming that node map to one token
        String node = items.get(0).path("spec").path("nodeName").asText();
        assertEquals(names.node(node), names.labelValue(Names.HOSTNAME_KEY, node));
    }
}
