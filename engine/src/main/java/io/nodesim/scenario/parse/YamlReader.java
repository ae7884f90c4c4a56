package io.nodesim.scenario.parse;

import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import io.nodesim.scenario.parse.YNode.YScalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML text (one or more {@code ---} documents) into {@link YNode} trees with positions.
 * SnakeYAML Engine composes the node graph: it resolves aliases to the anchored node and applies
 * {@code <<} merge keys (keys written in the mapping override merged ones; of several merged
 * mappings the first wins). Each alias is then copied into its own subtree, so a {@code --set}
 * on one use does not change the others, and a value reached through an alias reports the
 * position of the anchored node.
 */
public final class YamlReader {
    /**
     * Values one document may expand to through aliases. The scenarios in {@code scenarios/} hold
     * a few hundred; a billion-laughs document (aliases of aliases) stops here rather than
     * exhausting memory.
     */
    static final int MAX_VALUES = 200_000;
    /** Collection aliases per document (SnakeYAML Engine's own bound, checked while composing). */
    static final int MAX_COLLECTION_ALIASES = 1_000;
    private static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

    private YamlReader() {
    }

    /**
     * Reads every document of a file.
     *
     * @param display the name used in messages (the path as the user gave it)
     * @param referrer where the file was named, for the "missing file" message; null for the
     *     scenario file itself
     */
    public static List<YNode> readFile(Path file, String display, Loc referrer, String referrerPath) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw missing(display, referrer, referrerPath, "file not found");
        } catch (IOException e) {
            throw missing(display, referrer, referrerPath, "cannot read the file (" + e + ")");
        }
        return read(text, (line, column) -> Loc.file(display, line, column), display);
    }

    /** Reads the VALUE of a {@code --set PATH=VALUE} argument as one YAML value. */
    public static YNode readSetValue(String value, String argument) {
        Loc loc = Loc.set(argument);
        if (value.isEmpty()) {
            return new YScalar(loc, "", YScalar.Kind.STRING);
        }
        List<YNode> docs = read(value, (line, column) -> loc, loc.source());
        return docs.isEmpty() ? new YScalar(loc, "", YScalar.Kind.NULL) : docs.get(0);
    }

    private static ScenarioException missing(String display, Loc referrer, String path, String problem) {
        if (referrer == null) {
            return new ScenarioException(display, 0, 0, "", problem);
        }
        return referrer.error(path, problem + ": " + display);
    }

    /** Makes the {@link Loc} of a 1-based line and column. */
    private interface Locs {
        Loc at(int line, int column);
    }

    private static List<YNode> read(String text, Locs locs, String display) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(display)
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(MAX_CODE_POINTS)
                .build();
        List<YNode> docs = new ArrayList<>();
        try {
            for (Node doc : new Compose(settings).composeAllFromString(text)) {
                docs.add(new Converter(locs).convert(doc));
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> at = e.getProblemMark().or(e::getContextMark);
            String problem = e.getProblem() == null || e.getProblem().isBlank() ? e.getContext() : e.getProblem();
            throw at.map(m -> locs.at(m.getLine() + 1, m.getColumn() + 1).error("", "not valid YAML: " + oneLine(problem)))
                    .orElseGet(() -> new ScenarioException(display, 0, 0, "", "not valid YAML: " + oneLine(problem)));
        } catch (ReaderException e) {
            throw readerError(text, locs, e);
        } catch (YamlEngineException e) {
            throw new ScenarioException(display, 0, 0, "", "not valid YAML: " + oneLine(e.getMessage()));
        }
        return docs;
    }

    /** A character YAML forbids (NUL, a lone surrogate, ...): SnakeYAML gives its index, not its line. */
    private static ScenarioException readerError(String text, Locs locs, ReaderException e) {
        int index = Math.max(0, Math.min(text.length(), text.offsetByCodePoints(0,
                Math.min(e.getPosition(), text.codePointCount(0, text.length())))));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return locs.at(line, index - lineStart + 1).error("",
                String.format("not valid YAML: the character U+%04X is not allowed", e.getCodePoint()));
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "malformed YAML";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** Copies one composed document into a YNode tree, expanding aliases within {@link #MAX_VALUES}. */
    private static final class Converter {
        private final Locs locs;
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private int values;

        Converter(Locs locs) {
            this.locs = locs;
        }

        private Loc loc(Node n) {
            return n.getStartMark().map(m -> locs.at(m.getLine() + 1, m.getColumn() + 1)).orElseGet(() -> locs.at(0, 0));
        }

        YNode convert(Node n) {
            Loc here = loc(n);
            if (++values > MAX_VALUES) {
                throw here.error("", "the aliases of this document expand to more than " + MAX_VALUES
                        + " values; write the repeated part once per use instead");
            }
            if (!open.add(n)) {
                throw here.error("", "an alias refers to a node that contains it (a recursive alias)");
            }
            try {
                if (n instanceof MappingNode m) {
                    return map(m, here);
                }
                if (n instanceof SequenceNode s) {
                    YList list = new YList(here);
                    for (Node item : s.getValue()) {
                        list.items().add(convert(item));
                    }
                    return list;
                }
                return scalar((ScalarNode) n, here);
            } finally {
                open.remove(n);
            }
        }

        private YMap map(MappingNode m, Loc here) {
            YMap map = new YMap(here);
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    throw loc(t.getKeyNode()).error("", "a mapping key must be a plain value, not "
                            + (t.getKeyNode() instanceof MappingNode ? "a mapping" : "a list"));
                }
                String key = k.getValue();
                Loc keyLoc = loc(k);
                if (map.entries().containsKey(key)) {
                    throw keyLoc.error(key, "duplicate key (first given at line "
                            + map.keys().get(key).line() + ")");
                }
                map.put(key, keyLoc, convert(t.getValueNode()));
            }
            return map;
        }

        private static YScalar scalar(ScalarNode s, Loc here) {
            Tag tag = s.getTag();
            YScalar.Kind kind;
            if (tag.equals(Tag.STR)) {
                kind = YScalar.Kind.STRING;
            } else if (tag.equals(Tag.INT)) {
                kind = YScalar.Kind.INTEGER;
            } else if (tag.equals(Tag.FLOAT)) {
                kind = YScalar.Kind.FLOAT;
            } else if (tag.equals(Tag.BOOL)) {
                kind = YScalar.Kind.BOOLEAN;
            } else if (tag.equals(Tag.NULL)) {
                return new YScalar(here, "null", YScalar.Kind.NULL);
            } else {
                throw here.error("", "unsupported YAML tag " + tag.getValue()
                        + " (scenario values are plain strings, numbers, booleans, lists and mappings)");
            }
            return new YScalar(here, s.getValue(), kind);
        }
    }
}
