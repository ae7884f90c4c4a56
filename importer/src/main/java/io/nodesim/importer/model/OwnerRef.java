package io.nodesim.importer.model;

import com.fasterxml.jackson.databind.JsonNode;

/** The controller entry of an object's {@code metadata.ownerReferences} ({@code controller: true}). */
public record OwnerRef(String kind, String name, String uid) {
    /** The controller owner of the object whose metadata is {@code meta}, or null. */
    static OwnerRef controllerOf(JsonNode meta) {
        JsonNode refs = meta == null ? null : meta.get("ownerReferences");
        if (refs == null || !refs.isArray()) {
            return null;
        }
        for (JsonNode r : refs) {
            if (r.path("controller").asBoolean(false)) {
                return new OwnerRef(Fields.text(r, "kind"), Fields.text(r, "name"), Fields.text(r, "uid"));
            }
        }
        return null;
    }
}
