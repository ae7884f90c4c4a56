package io.nodesim.scenario.parse;

import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.settings.SettingRegistry;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --set PATH=VALUE} overrides, applied to the YAML tree of {@code spec} before any section is
 * read, so an overridden value is checked exactly like a written one. PATH is relative to
 * {@code spec}: keys separated by dots, list items by {@code [index]}
 * ({@code workloads[0].spec.replicas}). VALUE is read as YAML, so {@code 50} is a number,
 * {@code 20s} a string and {@code {disk: ssd}} a mapping. A missing map key is created (a field
 * the section does not know is then reported as unknown, naming the {@code --set}); a list index
 * must exist.
 */
public final class SetOverrides {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d{1,9})]");

    private SetOverrides() {
    }

    /** Applies the overrides in order; returns each one's normalised path and argument. */
    public static Map<String, String> apply(YMap spec, List<String> overrides) {
        Map<String, String> applied = new LinkedHashMap<>();
        for (String arg : overrides) {
            applied.put(apply(spec, arg), arg);
        }
        return applied;
    }

    private static String apply(YMap spec, String arg) {
        int eq = arg.indexOf('=');
        Loc loc = Loc.set(arg);
        if (eq <= 0) {
            throw loc.error("", "expected PATH=VALUE, e.g. kubeControllerManager.node-monitor-grace-period=20s");
        }
        String path = arg.substring(0, eq).trim();
        List<Object> segments = parse(path, loc);
        checkRegistered(path, segments, loc);
        YNode value = YamlReader.readSetValue(arg.substring(eq + 1), arg);
        YNode at = spec;
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            Object seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (seg instanceof String key) {
                if (!(at instanceof YMap m)) {
                    throw loc.error(walked.toString(), "is " + at.describe() + ", so it has no field \"" + key + "\"");
                }
                walked.append(walked.length() == 0 ? "" : ".").append(key);
                if (last) {
                    m.put(key, loc, value);
                } else {
                    YNode next = m.get(key);
                    if (next == null || next instanceof YNode.YScalar sc && sc.kind() == YNode.YScalar.Kind.NULL) {
                        next = segments.get(i + 1) instanceof Integer ? new YList(loc) : new YMap(loc);
                        m.put(key, loc, next);
                    }
                    at = next;
                }
            } else {
                int idx = (Integer) seg;
                if (!(at instanceof YList l)) {
                    throw loc.error(walked.toString(), "is " + at.describe() + ", not a list; [" + idx + "] does not apply");
                }
                if (idx >= l.items().size()) {
                    throw loc.error(walked + "[" + idx + "]", "index out of range: " + walked + " has "
                            + l.items().size() + (l.items().size() == 1 ? " item" : " items"));
                }
                walked.append('[').append(idx).append(']');
                if (last) {
                    l.items().set(idx, value);
                } else {
                    at = l.items().get(idx);
                }
            }
        }
        return walked.toString();
    }

    /** A path into a component or latencies section must name a setting of the registry. */
    private static void checkRegistered(String path, List<Object> segments, Loc loc) {
        if (!(segments.get(0) instanceof String section) || !SettingRegistry.isSection(section)
                || SettingRegistry.find(path).isPresent()) {
            return;
        }
        List<String> fields = SettingRegistry.fields(section);
        String key = segments.size() > 1 && segments.get(1) instanceof String k ? k : path;
        throw loc.error(path, "unknown setting \"" + key + "\"" + DidYouMean.hint(key, fields)
                + " (settings of " + section + ": " + String.join(", ", fields) + ")");
    }

    private static List<Object> parse(String path, Loc loc) {
        if (path.startsWith(".") || path.startsWith("[") || path.endsWith(".") || path.contains("..")) {
            throw bad(path, loc);
        }
        List<Object> segs = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        int pos = 0;
        while (pos < path.length()) {
            if (path.charAt(pos) == '.' && pos > 0) {
                pos++;
            }
            if (!m.find(pos) || m.start() != pos) {
                throw bad(path, loc);
            }
            segs.add(m.group(1) != null ? m.group(1) : (Object) Integer.parseInt(m.group(2)));
            pos = m.end();
        }
        if (segs.isEmpty()) {
            throw bad(path, loc);
        }
        return segs;
    }

    private static ScenarioException bad(String path, Loc loc) {
        return loc.error(path, "malformed path; write keys separated by dots and list items as [index], "
                + "relative to spec (e.g. workloads[0].spec.replicas)");
    }
}
