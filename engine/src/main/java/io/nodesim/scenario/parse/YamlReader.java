package io.nodesim.scenario.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import io.nodesim.scenario.parse.YNode.YScalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML text (one or more {@code ---} documents) into {@link YNode} trees with positions. */
public final class YamlReader {
    /** No size limit beyond the heap: an imported 5,000-node cluster's scenario is tens of megabytes. */
    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(unlimited()).build();

    private static org.yaml.snakeyaml.LoaderOptions unlimited() {
        org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
        o.setCodePointLimit(Integer.MAX_VALUE);
        return o;
    }

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
        } catch (IOException | RuntimeException e) {
            throw missing(display, referrer, referrerPath, "cannot read the file (" + e.getMessage() + ")");
        }
        return read(text, line -> Loc.file(display, line[0], line[1]), display);
    }

    /** Reads the VALUE of a {@code --set PATH=VALUE} argument as one YAML value. */
    public static YNode readSetValue(String value, String argument) {
        Loc loc = Loc.set(argument);
        if (value.isEmpty()) {
            return new YScalar(loc, "", YScalar.Kind.STRING);
        }
        List<YNode> docs = read(value, pos -> loc, loc.source());
        return docs.isEmpty() ? new YScalar(loc, "", YScalar.Kind.NULL) : docs.get(0);
    }

    private static ScenarioException missing(String display, Loc referrer, String path, String problem) {
        if (referrer == null) {
            return new ScenarioException(display, 0, 0, "", problem);
        }
        return referrer.error(path, problem + ": " + display);
    }

    private interface LocFactory {
        Loc at(int[] lineColumn);
    }

    private static List<YNode> read(String text, LocFactory locs, String display) {
        List<YNode> docs = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                docs.add(value(p, t, locs));
            }
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "malformed YAML" : e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            throw new ScenarioException(display, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "", "not valid YAML: " + (nl < 0 ? msg : msg.substring(0, nl)).trim());
        } catch (ScenarioException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ScenarioException(display, 0, 0, "", "not valid YAML: " + e.getMessage());
        }
        return docs;
    }

    private static Loc loc(JsonParser p, LocFactory locs) {
        JsonLocation l = p.currentTokenLocation();
        return locs.at(new int[] {l.getLineNr(), l.getColumnNr()});
    }

    private static YNode value(JsonParser p, JsonToken t, LocFactory locs) throws IOException {
        Loc here = loc(p, locs);
        switch (t) {
            case START_OBJECT -> {
                YMap map = new YMap(here);
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Loc keyLoc = loc(p, locs);
                    if (map.entries().containsKey(key)) {
                        throw keyLoc.error(key, "duplicate key (first given at line " + map.keys().get(key).line() + ")");
                    }
                    map.put(key, keyLoc, value(p, p.nextToken(), locs));
                }
                if (k != JsonToken.END_OBJECT) {
                    throw here.error("", "malformed mapping");
                }
                return map;
            }
            case START_ARRAY -> {
                YList list = new YList(here);
                JsonToken v;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (v == null) {
                        throw here.error("", "unterminated list");
                    }
                    list.items().add(value(p, v, locs));
                }
                return list;
            }
            case VALUE_STRING -> {
                return new YScalar(here, p.getText(), YScalar.Kind.STRING);
            }
            case VALUE_NUMBER_INT -> {
                return new YScalar(here, p.getText(), YScalar.Kind.INTEGER);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YScalar(here, p.getText(), YScalar.Kind.FLOAT);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YScalar(here, p.getText(), YScalar.Kind.BOOLEAN);
            }
            case VALUE_NULL -> {
                return new YScalar(here, "null", YScalar.Kind.NULL);
            }
            default -> throw here.error("", "unsupported YAML construct (" + t + ")");
        }
    }
}
