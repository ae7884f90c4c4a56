package io.nodesim.importer.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.nodesim.scenario.ScenarioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small settings files (configz, control-plane pods, kubeadm-config) whole: JSON when the
 * text starts with {@code {} or {@code [} (whatever the file is called: {@code oc} writes JSON to
 * {@code .yaml} files), else YAML, possibly several {@code ---} documents. A parse error names
 * {@code FILE:LINE:COLUMN}.
 */
final class Documents {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final YAMLMapper YAML = new YAMLMapper();

    private Documents() {
    }

    /** A parsed document and the path of its root: {@code $} for one document, {@code $[k]} for the k-th of several. */
    record Document(JsonNode root, Provenance at) {
    }

    static List<Document> read(Path file) {
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), 0, 0, "", "cannot read: " + e.getMessage());
        }
        return parse(text, name, file.toString());
    }

    static List<Document> parse(String text, String name, String display) {
        String t = text.stripLeading();
        List<JsonNode> roots = new ArrayList<>();
        try {
            if (t.startsWith("{") || t.startsWith("[")) {
                roots.add(JSON.readTree(text));
            } else {
                try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
                    while (it.hasNextValue()) {
                        JsonNode n = it.nextValue();
                        if (n != null && !n.isNull() && !n.isMissingNode()) {
                            roots.add(n);
                        }
                    }
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new ScenarioException(display, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    "not valid JSON or YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // snakeyaml's own exceptions escape Jackson's wrapping for some malformed documents
            throw new ScenarioException(display, 0, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (roots.isEmpty()) {
            throw new ScenarioException(display, 0, 0, "", "the file holds no document");
        }
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            Provenance root = Provenance.root(name);
            docs.add(new Document(roots.get(i), roots.size() == 1 ? root : root.index(i)));
        }
        return docs;
    }

    /** The text of a scalar field, or null when absent; a non-scalar is bad input at its path. */
    static String text(JsonNode parent, String field, Provenance parentAt) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw parentAt.field(field).error("expected a string, got " + n.getNodeType().name().toLowerCase());
        }
        return n.asText();
    }
}
