package io.nodesim.importer.read;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The kind of an item that carries none: a typed list's items as the API server returns them
 * ({@code kubectl get --raw /api/v1/nodes}, the kubelet's {@code /pods}) when the list's own
 * {@code kind} comes after its items. Only Nodes and Pods are told apart this way.
 */
final class KindByShape {
    private KindByShape() {
    }

    static String of(JsonNode body) {
        JsonNode spec = body.get("spec");
        JsonNode status = body.get("status");
        if (status != null && (status.has("nodeInfo") || status.has("allocatable") && status.has("capacity"))) {
            return "Node";
        }
        if (spec != null && spec.has("containers")) {
            return "Pod";
        }
        return null;
    }
}
