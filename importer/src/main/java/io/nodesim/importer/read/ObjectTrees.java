package io.nodesim.importer.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;

/**
 * Reads one object from a streaming parser into a tree, skipping (without building) the fields that
 * are large and of no use to the import: {@code metadata.managedFields} (often half of a
 * {@code kubectl -o json} dump) and the {@code kubectl.kubernetes.io/last-applied-configuration}
 * annotation (the whole object again).
 */
public final class ObjectTrees {
    /** Never of use: the field manager records and the last applied object. */
    public static final Set<String> ALWAYS_DROPPED = Set.of("managedFields",
            "kubectl.kubernetes.io/last-applied-configuration");
    /**
     * Also skipped when reading objects for workloads and nodes: the model reads none of these, and
     * not building them halves the work on a large dump. (A reader of control-plane pods keeps
     * {@code command}: use {@link #ALWAYS_DROPPED} there.)
     */
    public static final Set<String> NOT_MODELLED = Set.of("managedFields",
            "kubectl.kubernetes.io/last-applied-configuration", "conditions", "containerStatuses",
            "initContainerStatuses", "ephemeralContainerStatuses", "env", "envFrom", "volumeMounts", "volumes",
            "command", "args", "livenessProbe", "startupProbe", "lifecycle", "addresses", "daemonEndpoints",
            "podIPs", "hostIPs", "securityContext", "dnsConfig", "httpGet", "tcpSocket", "exec", "grpc");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ObjectTrees() {
    }

    /** Reads the object whose START_OBJECT is the parser's current token; leaves the parser on its END_OBJECT. */
    public static ObjectNode readObject(JsonParser p, Set<String> dropped) throws IOException {
        ObjectNode o = NODES.objectNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "the file ends inside an object");
            }
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (dropped.contains(name)) {
                p.skipChildren();
            } else {
                o.set(name, readValue(p, v, dropped));
            }
        }
        return o;
    }

    static JsonNode readValue(JsonParser p, JsonToken t, Set<String> dropped) throws IOException {
        if (t == null) {
            throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "the file ends inside a value");
        }
        return switch (t) {
            case START_OBJECT -> readObject(p, dropped);
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    a.add(readValue(p, e, dropped));
                }
                yield a;
            }
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? NODES.numberNode(p.getBigIntegerValue()) : NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(p.getText());
        };
    }

    /** The text at a dotted path ({@code metadata.name}), or null. */
    public static String text(JsonNode node, String dotted) {
        JsonNode n = at(node, dotted);
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    /** The node at a dotted path, or null. Keys containing dots are not reachable this way. */
    public static JsonNode at(JsonNode node, String dotted) {
        JsonNode n = node;
        int start = 0;
        while (n != null && start <= dotted.length()) {
            int dot = dotted.indexOf('.', start);
            String key = dot < 0 ? dotted.substring(start) : dotted.substring(start, dot);
            n = n.get(key);
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return n == null || n.isMissingNode() ? null : n;
    }
}
