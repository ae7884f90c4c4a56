package io.nodesim.scenario.parse;

import io.nodesim.scenario.parse.YNode.YMap;
import io.nodesim.scenario.parse.YNode.YScalar;
import java.util.List;
import java.util.Set;

/**
 * A mapping read against the fields it may hold: any other key is an error with a "did you mean".
 * A key with an explicit {@code null} value counts as absent, as it does for Kubernetes objects.
 */
public final class Section {
    private final YMap map;
    private final String path;

    private Section(YMap map, String path) {
        this.map = map;
        this.path = path;
    }

    /**
     * @param path the section's path below {@code spec} ("" for spec itself), used in messages
     * @param allowed the fields, in the order the messages list them
     */
    public static Section of(YNode node, String path, List<String> allowed) {
        YMap m = Values.map(node, path);
        Set<String> ok = Set.copyOf(allowed);
        for (String key : m.entries().keySet()) {
            if (!ok.contains(key)) {
                throw Values.unknownField(m, key, join(path, key), allowed);
            }
        }
        return new Section(m, path);
    }

    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public String path() {
        return path;
    }

    public String path(String key) {
        return join(path, key);
    }

    public YMap map() {
        return map;
    }

    /** The value, or null when absent or null. */
    public YNode get(String key) {
        YNode n = map.get(key);
        return n instanceof YScalar s && s.kind() == YScalar.Kind.NULL ? null : n;
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    /** The value, or an error at the section that it is missing. */
    public YNode require(String key, String what) {
        YNode n = get(key);
        if (n == null) {
            throw map.loc().error(path(key), "required field missing: " + what);
        }
        return n;
    }
}
