package io.nodesim.importer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Workload selectors as the scenario format takes them ({@code matchLabels} only), and template label edits. */
final class Selectors {
    private Selectors() {
    }

    /**
     * The selector's {@code matchLabels}, with each {@code key In [one value]} expression folded in;
     * a selector that says more than labels can ({@code NotIn}, {@code Exists}, several values)
     * becomes the template's labels, and the report says so.
     */
    static Map<String, String> matchLabels(JsonNode selector, JsonNode template, String workload, List<String> notes) {
        Map<String, String> out = new LinkedHashMap<>(Fields.stringMap(selector.get("matchLabels")));
        for (JsonNode e : selector.path("matchExpressions")) {
            JsonNode values = e.path("values");
            if ("In".equals(Fields.text(e, "operator")) && values.size() == 1) {
                out.put(Fields.text(e, "key"), values.get(0).asText());
            } else {
                notes.add(workload + ": selector.matchExpressions " + e + " cannot be written as matchLabels; "
                        + "the template's labels select its pods instead");
                Map<String, String> labels = new LinkedHashMap<>(Fields.stringMap(template.path("metadata").get("labels")));
                labels.keySet().removeAll(WorkloadRebuilder.GENERATED_LABELS);
                return labels;
            }
        }
        return out;
    }

    static JsonNode withoutLabel(JsonNode template, String key) {
        return withoutLabels(template, Set.of(key));
    }

    static JsonNode withoutLabels(JsonNode template, Set<String> keys) {
        JsonNode labels = template.path("metadata").get("labels");
        if (labels == null || !labels.isObject() || keys.stream().noneMatch(labels::has)) {
            return template;
        }
        ObjectNode copy = template.deepCopy();
        ((ObjectNode) copy.with("metadata").get("labels")).remove(keys);
        return copy;
    }
}
