package io.nodesim.importer.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nodesim.cluster.WellKnownLabels;
import io.nodesim.importer.anonymize.Names;
import io.nodesim.importer.model.ImportModel;
import io.nodesim.importer.model.ImportedWorkload;
import io.nodesim.importer.model.NodeEntry;
import java.util.Map;
import java.util.Set;

/** The scenario's {@code spec.nodes} entries and the workload manifests, as trees to write. */
final class ScenarioDocuments {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Set from the node's name, zone and region fields by the loader, which refuses them as labels. */
    private static final Set<String> DERIVED_LABELS = derivedLabels();
    private static final Map<String, String> API_VERSIONS = Map.of("Deployment", "apps/v1", "ReplicaSet", "apps/v1",
            "StatefulSet", "apps/v1", "DaemonSet", "apps/v1", "Pod", "v1");

    private final Names names;
    private final PodTemplates templates;

    ScenarioDocuments(Names names, ImportModel model) {
        this.names = names;
        this.templates = new PodTemplates(names, model.priorityClasses());
    }

    private static Set<String> derivedLabels() {
        Set<String> out = new java.util.HashSet<>(WellKnownLabels.TOPOLOGY);
        out.add(WellKnownLabels.HOSTNAME);
        return Set.copyOf(out);
    }

    ObjectNode node(NodeEntry n) {
        ObjectNode o = F.objectNode();
        o.put("name", names.node(n.name()));
        // zone and region write the GA labels; a node of a kubelet before 1.17 has only the deprecated ones,
        // kept as labels below, from which the engine reads its zone as the controllers do
        String zone = n.labels().get(WellKnownLabels.ZONE);
        String region = n.labels().get(WellKnownLabels.REGION);
        if (zone != null && !zone.isEmpty()) {
            o.put("zone", names.zone(zone));
        }
        if (region != null && !region.isEmpty()) {
            o.put("region", names.labelValue(WellKnownLabels.REGION, region));
        }
        ObjectNode alloc = o.putObject("allocatable");
        putIf(alloc, "cpu", n.cpu());
        putIf(alloc, "memory", n.memory());
        putIf(alloc, "pods", n.pods());
        ObjectNode labels = F.objectNode();
        n.labels().forEach((k, v) -> {
            if (!DERIVED_LABELS.contains(k) && !n.deprecatedLabelDiffers(k)) {
                labels.put(names.labelKey(k), names.labelValue(k, v));
            }
        });
        if (!labels.isEmpty()) {
            o.set("labels", labels);
        }
        if (!n.taints().isEmpty()) {
            ArrayNode taints = o.putArray("taints");
            for (NodeEntry.Taint t : n.taints()) {
                ObjectNode to = taints.addObject().put("key", names.labelKey(t.key()));
                if (t.value() != null && !t.value().isEmpty()) {
                    to.put("value", names.labelValue(t.key(), t.value()));
                }
                to.put("effect", t.effect());
            }
        }
        if (n.unschedulable()) {
            o.put("unschedulable", true);
        }
        if (!n.images().isEmpty()) {
            ArrayNode images = o.putArray("images");
            for (NodeEntry.Image im : n.images()) {
                ObjectNode io = images.addObject();
                ArrayNode refs = io.putArray("names");
                im.names().forEach(r -> refs.add(names.image(r)));
                io.put("sizeBytes", im.sizeBytes());
            }
        }
        return o;
    }

    private static void putIf(ObjectNode o, String key, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(key, value);
        }
    }

    /** A workload's name as written: a bare or mirror Pod's is its pod name. */
    static String workloadName(Names names, ImportedWorkload w) {
        return "Pod".equals(w.kind()) ? names.pod(w.name()) : names.workload(w.name());
    }

    ObjectNode manifest(ImportedWorkload w) {
        ObjectNode m = F.objectNode();
        m.put("apiVersion", API_VERSIONS.get(w.kind()));
        m.put("kind", w.kind());
        ObjectNode meta = m.putObject("metadata");
        meta.put("name", workloadName(names, w));
        if (!"default".equals(w.namespace())) {
            meta.put("namespace", names.namespace(w.namespace()));
        }
        ObjectNode template = templates.clean(w.template(), w.kind(), w.templateFromPod());
        if ("Pod".equals(w.kind())) {
            if (template.has("metadata")) {
                meta.setAll((ObjectNode) template.get("metadata"));
            }
            m.set("spec", template.get("spec"));
            return m;
        }
        ObjectNode spec = m.putObject("spec");
        if (!"DaemonSet".equals(w.kind())) {
            spec.put("replicas", w.replicas());
        }
        ObjectNode labels = F.objectNode();
        w.selector().forEach((k, v) -> labels.put(names.labelKey(k), names.labelValue(k, v)));
        spec.putObject("selector").set("matchLabels", labels);
        if ("StatefulSet".equals(w.kind()) && w.workloadSpec() != null) {
            statefulSet(w.workloadSpec(), spec, names);
        }
        spec.set("template", template);
        return m;
    }

    /**
     * A {@code scheduling.k8s.io/v1 PriorityClass} for every class the written pod templates name (the
     * built-in {@code system-} ones exist already): the Priority admission plugin refuses a pod whose
     * class is missing. Its value and preemptionPolicy are the ones admission resolved into the pods,
     * so the dump's pods load unchanged even when the dump holds no PriorityClass object.
     */
    static java.util.List<ObjectNode> priorityClasses(java.util.List<ObjectNode> manifests) {
        Map<String, ObjectNode> out = new java.util.LinkedHashMap<>();
        for (ObjectNode m : manifests) {
            JsonNode spec = "Pod".equals(m.path("kind").asText()) ? m.path("spec") : m.path("spec").path("template").path("spec");
            String name = spec.path("priorityClassName").asText("");
            if (name.isEmpty() || name.startsWith("system-") || out.containsKey(name) || !spec.has("priority")) {
                continue;
            }
            ObjectNode pc = F.objectNode();
            pc.put("apiVersion", "scheduling.k8s.io/v1");
            pc.put("kind", "PriorityClass");
            pc.putObject("metadata").put("name", name);
            pc.set("value", spec.get("priority"));
            if (spec.hasNonNull("preemptionPolicy")) {
                pc.set("preemptionPolicy", spec.get("preemptionPolicy"));
            }
            out.put(name, pc);
        }
        return java.util.List.copyOf(out.values());
    }

    /** What the model reads of a StatefulSet: podManagementPolicy and the claim templates' access modes and sizes. */
    private static void statefulSet(JsonNode from, ObjectNode spec, Names names) {
        if (from.hasNonNull("podManagementPolicy")) {
            spec.set("podManagementPolicy", from.get("podManagementPolicy"));
        }
        if (from.path("volumeClaimTemplates").size() == 0) {
            return;
        }
        ArrayNode out = spec.putArray("volumeClaimTemplates");
        for (JsonNode c : from.get("volumeClaimTemplates")) {
            ObjectNode o = out.addObject();
            o.putObject("metadata").put("name", names.volumeClaim(c.path("metadata").path("name").asText()));
            ObjectNode s = o.putObject("spec");
            JsonNode cs = c.path("spec");
            for (String f : new String[] {"accessModes", "storageClassName", "volumeMode"}) {
                if (cs.hasNonNull(f)) {
                    s.set(f, f.equals("storageClassName") ? s.textNode(names.storageClass(cs.get(f).asText())) : cs.get(f));
                }
            }
            if (cs.path("resources").path("requests").size() > 0) {
                s.putObject("resources").set("requests", cs.path("resources").get("requests"));
            }
        }
    }
}
