package io.nodesim.importer.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** YAML text of trees, block style, quoting only where YAML needs it (numbers-as-strings stay quoted). */
final class YamlText {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());
    private static final ObjectMapper JSON = new ObjectMapper();

    private YamlText() {
    }

    static String of(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value on one line (JSON is YAML's flow style): {@code "10s"}, {@code 40}, {@code {"a": 1}}. */
    static String inline(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every line of {@code text} indented by {@code spaces}. */
    static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        StringBuilder b = new StringBuilder(text.length() + 64);
        text.lines().forEach(l -> b.append(pad).append(l).append('\n'));
        return b.toString();
    }
}
