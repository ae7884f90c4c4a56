package io.nodesim.importer.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodesim.importer.read.DumpObject;

/**
 * A controller object of the dump: Deployment, ReplicaSet, StatefulSet or DaemonSet.
 *
 * @param replicas {@code spec.replicas} (null when absent: the API server defaults it to 1)
 * @param revision a ReplicaSet's {@code deployment.kubernetes.io/revision} (0 when absent)
 * @param spec the object's spec (template, selector, volumeClaimTemplates, ...)
 */
public record OwnerEntry(String kind, String namespace, String name, String uid, OwnerRef controller,
        Integer replicas, long revision, JsonNode spec, String position) {
    static final String REVISION = "deployment.kubernetes.io/revision";

    static OwnerEntry of(DumpObject o) {
        JsonNode meta = o.body().path("metadata");
        JsonNode spec = o.body().path("spec");
        String ns = Fields.text(meta, "namespace");
        JsonNode r = spec.get("replicas");
        long revision = 0;
        try {
            String rev = Fields.text(meta.path("annotations"), REVISION);
            revision = rev == null ? 0 : Long.parseLong(rev);
        } catch (NumberFormatException e) {
            revision = 0;
        }
        return new OwnerEntry(o.kind(), ns == null || ns.isEmpty() ? "default" : ns, Fields.text(meta, "name"),
                Fields.text(meta, "uid"), OwnerRef.controllerOf(meta), r != null && r.isNumber() ? r.asInt() : null,
                revision, spec, o.position());
    }

    public int replicasOrDefault() {
        return replicas == null ? 1 : replicas;
    }
}
