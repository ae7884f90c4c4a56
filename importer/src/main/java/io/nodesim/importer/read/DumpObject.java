package io.nodesim.importer.read;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object of a dump, as read (minus the fields no importer needs, see {@link ObjectTrees}).
 *
 * @param kind the object's kind; for an item of a typed list ({@code NodeList}, {@code PodList}) that
 *     carries none, the kind the list names, else the one its shape shows
 * @param path where it is in its document ({@code items[3]}, or empty for a whole document)
 */
public record DumpObject(String kind, ObjectNode body, String file, int line, int column, String path) {
    /** {@code FILE:LINE:COLUMN} of the object's first token. */
    public String position() {
        return file + ":" + line + ":" + column;
    }

    /** The JSONPath of a field of this object in its document: {@code $.items[3].status.nodeInfo}. */
    public String jsonPath(String field) {
        return "$" + (path.isEmpty() || path.startsWith("[") ? path : "." + path) + "." + field;
    }

    public String text(String field) {
        return ObjectTrees.text(body, field);
    }
}
