package io.nodesim.importer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nodesim.importer.read.DumpObject;
import java.util.Map;

/**
 * What the import keeps of a Pod. The spec is kept only where it becomes a workload's template
 * (see {@link ClusterDump}), so a 150,000-pod dump holds a few fields per pod.
 *
 * @param controller the controller owner, or null
 * @param mirror a static pod's mirror (annotation {@code kubernetes.io/config.mirror})
 * @param priority the {@code spec.priority} admission resolved, or null
 */
public record PodEntry(String namespace, String name, String uid, OwnerRef controller, String phase, String nodeName,
        boolean mirror, Map<String, String> labels, Integer priority, String position) {
    public static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

    static PodEntry of(DumpObject o) {
        JsonNode meta = o.body().path("metadata");
        JsonNode spec = o.body().path("spec");
        String ns = Fields.text(meta, "namespace");
        JsonNode prio = spec.get("priority");
        return new PodEntry(ns == null || ns.isEmpty() ? "default" : ns, Fields.text(meta, "name"),
                Fields.text(meta, "uid"), OwnerRef.controllerOf(meta), Fields.text(o.body().path("status"), "phase"),
                Fields.text(spec, "nodeName"), meta.path("annotations").has(MIRROR_ANNOTATION),
                Fields.stringMap(meta.get("labels")), prio != null && prio.isNumber() ? prio.asInt() : null,
                o.position());
    }

    /** The pod as a template source: its labels and spec. */
    static ObjectNode templateSource(DumpObject o) {
        ObjectNode t = o.body().objectNode();
        ObjectNode meta = t.putObject("metadata");
        JsonNode labels = o.body().path("metadata").get("labels");
        if (labels != null) {
            meta.set("labels", labels);
        }
        JsonNode spec = o.body().get("spec");
        t.set("spec", spec == null ? t.objectNode() : spec);
        return t;
    }

    public boolean finished() {
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    /** {@code NAMESPACE/NAME}, or NAME in {@code default}. */
    public String qualifiedName() {
        return "default".equals(namespace) ? name : namespace + "/" + name;
    }
}
