package io.nodesim.importer.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nodesim.importer.ImportException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams the objects of a {@code kubectl get ... -o json|yaml} dump, one at a time: a {@code v1 List}
 * (or a typed list such as {@code NodeList} whose items carry no kind), a single object, several JSON
 * values one after the other, or multi-document YAML. JSON is recognised by its first character, so
 * JSON in a file named {@code .yaml} is read as JSON. Only the current object is ever held as a tree.
 */
public final class DumpReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build();

    private final Path file;
    private final String display;
    private final Set<String> dropped;

    /** A reader for nodes and workloads: skips every field of {@link ObjectTrees#NOT_MODELLED}. */
    public DumpReader(Path file) {
        this(file, ObjectTrees.NOT_MODELLED);
    }

    /** @param dropped field names whose values are skipped unread, wherever they are */
    public DumpReader(Path file, Set<String> dropped) {
        this.file = file;
        this.display = file.toString();
        this.dropped = Set.copyOf(dropped);
    }

    /** Hands every object of the file to {@code sink}, in file order; returns how many. */
    public int read(Consumer<DumpObject> sink) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            boolean json = startsLikeJson(raw);
            try (JsonParser p = (json ? JSON : YAML).createParser(raw)) {
                return documents(p, sink);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String why = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
            throw new ImportException(display, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid JSON or YAML: " + why);
        } catch (NoSuchFileException e) {
            throw new ImportException(display, 0, 0, "no such file");
        } catch (IOException e) {
            throw new ImportException(display, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    private static boolean startsLikeJson(InputStream in) throws IOException {
        in.mark(4096);
        int c;
        int n = 0;
        do {
            c = in.read();
            n++;
        } while (c != -1 && Character.isWhitespace(c) && n < 4096);
        in.reset();
        return c == '{' || c == '[';
    }

    private int documents(JsonParser p, Consumer<DumpObject> sink) throws IOException {
        int count = 0;
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            if (t == JsonToken.VALUE_NULL || t == JsonToken.VALUE_STRING && p.getText().isEmpty()) {
                continue; // an empty YAML document (a trailing ---)
            }
            if (t == JsonToken.START_ARRAY) {
                int i = 0;
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken(), i++) {
                    count += object(p, e, "[" + i + "]", null, sink);
                }
                continue;
            }
            count += object(p, t, "", null, sink);
        }
        return count;
    }

    /**
     * Reads one object, streaming its {@code items} when it is a list; returns how many objects it
     * handed on.
     */
    private int object(JsonParser p, JsonToken t, String path, String listKind, Consumer<DumpObject> sink)
            throws IOException {
        JsonLocation at = p.currentTokenLocation();
        if (t != JsonToken.START_OBJECT) {
            throw new ImportException(display, at.getLineNr(), at.getColumnNr(),
                    "not a Kubernetes object or List (a " + describe(t) + "); expected what `kubectl get ... -o json` "
                            + "or `-o yaml` prints");
        }
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        String kind = null;
        int items = -1;
        for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
            if (f == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "the file ends inside an object");
            }
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("items".equals(name) && v == JsonToken.START_ARRAY && listKind == null) {
                items = 0;
                String itemKind = kind != null && kind.endsWith("List") && !kind.equals("List")
                        ? kind.substring(0, kind.length() - "List".length()) : "";
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken(), items++) {
                    if (e == null) {
                        throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "the file ends inside a list");
                    }
                    object(p, e, (path.isEmpty() ? "" : path + ".") + "items[" + items + "]", itemKind, sink);
                }
            } else if (dropped.contains(name)) {
                p.skipChildren();
            } else {
                JsonNode value = ObjectTrees.readValue(p, v, dropped);
                body.set(name, value);
                if ("kind".equals(name) && value.isTextual()) {
                    kind = value.asText();
                }
            }
        }
        if (items >= 0) {
            return items;
        }
        if (kind == null) {
            kind = listKind != null && !listKind.isEmpty() ? listKind : KindByShape.of(body);
        }
        if (kind == null) {
            throw new ImportException(display, at.getLineNr(), at.getColumnNr(),
                    "an object without kind, and its fields do not say what it is (expected Node, Pod, "
                            + "Deployment, ReplicaSet, StatefulSet, DaemonSet, ... as kubectl prints them)");
        }
        sink.accept(new DumpObject(kind, body, display, at.getLineNr(), at.getColumnNr(), path));
        return 1;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case START_ARRAY -> "list";
            default -> t.toString();
        };
    }
}
