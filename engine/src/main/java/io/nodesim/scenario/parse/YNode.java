package io.nodesim.scenario.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with its position (file or {@code --set} argument, line, column), after aliases and
 * merge keys are resolved ({@link YamlReader}). SnakeYAML's nodes carry marks but not the
 * {@code --set} origin, and an alias there is one shared node; this tree gives every use its own
 * copy. Maps and lists are mutable only while {@code --set} overrides are applied, before any
 * section is read.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {
    Loc loc();

    /** What the value is, for "expected X, got Y" messages. */
    String describe();

    /** A mapping; {@code keys} holds the position of each key (errors about the key point there). */
    record YMap(Loc loc, Map<String, YNode> entries, Map<String, Loc> keys) implements YNode {
        public YMap(Loc loc) {
            this(loc, new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        public YNode get(String key) {
            return entries.get(key);
        }

        public void put(String key, Loc keyLoc, YNode value) {
            entries.put(key, value);
            keys.put(key, keyLoc);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record YList(Loc loc, List<YNode> items) implements YNode {
        public YList(Loc loc) {
            this(loc, new ArrayList<>());
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar with its source text and YAML type: quoted scalars are always strings, so
     * {@code "1.30"} stays 1.30 where a plain {@code 1.30} would be a number.
     */
    record YScalar(Loc loc, String text, Kind kind) implements YNode {
        public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "the string \"" + text + "\"";
                case INTEGER, FLOAT -> "the number " + text;
                case BOOLEAN -> "the boolean " + text;
                case NULL -> "null";
            };
        }
    }
}
