package io.nodesim.scenario.parse;

import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioSources;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import io.nodesim.scenario.parse.YNode.YScalar;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import org.snakeyaml.engine.v2.composer.Composer;
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
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML text (one or more {@code ---} documents) into {@link YNode} trees with positions.
 * SnakeYAML Engine composes the node graph, resolving each alias to the anchored node. Each alias
 * is then copied into its own subtree, so a {@code --set} on one use does not change the others,
 * and a value reached through an alias reports the position of the anchored node.
 *
 * <p>{@code <<} merge keys follow the YAML 1.1 merge type: keys written in the mapping override
 * merged ones, and of several merged mappings the first wins. They are applied here while copying,
 * not by SnakeYAML Engine 3.2, whose merge never returns on a mapping that merges itself
 * ({@code m: &m {<<: *m}}); here that is a recursive alias like any other.
 */
public final class YamlReader {
    /**
     * Values one document may expand to through aliases beyond one per character of its text (which
     * no document without aliases reaches). The scenarios in {@code scenarios/} hold a few hundred, an
     * imported 5,000-node cluster a few million; a billion-laughs document (aliases of aliases) stops
     * here rather than exhausting memory.
     */
    static final int MAX_VALUES = 200_000;
    /** Collection aliases per document (SnakeYAML Engine's own bound, checked while composing). */
    static final int MAX_COLLECTION_ALIASES = 1_000;
    /** A scenario written by {@code nodesim import} for 5,000 nodes and their images is about 35 MB. */
    private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

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
        byte[] bytes;
        ScenarioSources.noteRead(file);
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw missing(display, referrer, referrerPath, "file not found");
        } catch (IOException e) {
            throw missing(display, referrer, referrerPath, "cannot read the file (" + e + ")");
        }
        Locs locs = (line, column) -> Loc.file(display, line, column);
        return read(utf8(bytes, locs), locs, display);
    }

    /** The text, or an error at the first byte that is not UTF-8 (YAML files are Unicode text). */
    private static String utf8(byte[] bytes, Locs locs) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            int lineStart = before.lastIndexOf('\n') + 1;
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            throw locs.at(line, before.codePointCount(lineStart, before.length()) + 1).error("",
                    String.format("not UTF-8 text: the byte 0x%02X cannot start or continue a character here",
                            bytes[bad] & 0xFF));
        }
        decoder.flush(out);
        return out.flip().toString();
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
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text))) {
                @Override
                protected void composeMappingChildren(List<NodeTuple> children, MappingNode node) {
                    super.composeMappingChildren(children, node);
                    node.setHasMergeTag(false); // the merge keys stay in the mapping, for Converter
                }
            };
            while (composer.hasNext()) {
                docs.add(new Converter(locs, MAX_VALUES + text.length()).convert(composer.next()));
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
        private final long budget;
        private int values;

        Converter(Locs locs, long budget) {
            this.locs = locs;
            this.budget = budget;
        }

        private Loc loc(Node n) {
            return n.getStartMark().map(m -> locs.at(m.getLine() + 1, m.getColumn() + 1)).orElseGet(() -> locs.at(0, 0));
        }

        YNode convert(Node n) {
            Loc here = loc(n);
            if (++values > budget) {
                throw here.error("", "the aliases of this document expand to more than " + budget
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
            List<Node> merged = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    throw loc(t.getKeyNode()).error("", "a mapping key must be a plain value, not "
                            + (t.getKeyNode() instanceof MappingNode ? "a mapping" : "a list"));
                }
                if (k.getTag().equals(Tag.MERGE)) {
                    merged.add(t.getValueNode());
                    continue;
                }
                String key = k.getValue();
                Loc keyLoc = loc(k);
                if (map.entries().containsKey(key)) {
                    throw keyLoc.error(key, "duplicate key (first given at line " + map.keys().get(key).line() + ")");
                }
                map.put(key, keyLoc, convert(t.getValueNode()));
            }
            for (Node source : merged) {
                List<Node> sources = source instanceof SequenceNode s ? s.getValue() : List.of(source);
                for (Node from : sources) {
                    if (!(from instanceof MappingNode)) {
                        throw loc(from).error("", "not valid YAML: a << merge key takes a mapping or a list of "
                                + "mappings (usually aliases such as <<: *defaults)");
                    }
                    YMap other = (YMap) convert(from);
                    other.entries().forEach((key, value) -> {
                        if (!map.entries().containsKey(key)) {
                            map.put(key, other.keys().get(key), value);
                        }
                    });
                }
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
