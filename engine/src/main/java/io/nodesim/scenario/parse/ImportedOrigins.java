package io.nodesim.scenario.parse;

import io.nodesim.scenario.SettingOrigin;
import io.nodesim.scenario.parse.YNode.YMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code metadata.origins}: where the values of a scenario written by {@code nodesim import} came from
 * in the real cluster, so that {@code explain} names {@code import FILE#JSONPATH} instead of the
 * scenario's own line. Each key is a setting path as {@code explain} prints it
 * ({@code kubeControllerManager.node-monitor-grace-period}, {@code kubernetesVersion}); each value is
 * {@code FILE#JSONPATH}.
 *
 * <p>An entry only relabels a value that the file itself writes: an entry for a setting left to its
 * default would claim an import that did not happen, so it is an error, and a {@code --set} override
 * keeps its own origin. Metadata, not spec: provenance never changes what is simulated, and
 * {@code --set} (relative to spec) cannot reach it.
 */
public final class ImportedOrigins {
    public static final String FIELD = "origins";
    public static final String SOURCE = "import";
    private static final Pattern REFERENCE = Pattern.compile("[^#\\s]+#\\$\\S*");

    private final Map<String, YNode> entries;

    private ImportedOrigins(Map<String, YNode> entries) {
        this.entries = entries;
    }

    public static ImportedOrigins none() {
        return new ImportedOrigins(Map.of());
    }

    /** Checks the shape of {@code metadata.origins}: a mapping of setting paths to {@code FILE#JSONPATH}. */
    public static ImportedOrigins read(YNode node) {
        YMap map = Values.map(node, "metadata." + FIELD);
        Map<String, YNode> entries = new LinkedHashMap<>();
        map.entries().forEach((path, value) -> {
            String where = "metadata." + FIELD + "." + path;
            String reference = Values.string(value, where);
            if (!REFERENCE.matcher(reference).matches()) {
                throw value.loc().error(where, "expected FILE#JSONPATH such as kcm.json#$.items[0].spec.containers[0]"
                        + ".command[5], got \"" + reference + "\"");
            }
            entries.put(path, value);
        });
        return new ImportedOrigins(entries);
    }

    /** Relabels each listed setting that the file writes; any other entry is an error at the entry. */
    public void apply(Map<String, SettingOrigin> origins) {
        entries.forEach((path, value) -> {
            SettingOrigin current = origins.get(path);
            if (current != null && current.source().equals("--set")) {
                return;
            }
            if (current == null || !current.source().equals("file")) {
                throw value.loc().error("metadata." + FIELD + "." + path, "the scenario writes no value at spec."
                        + path + (current == null ? " (not a setting explain lists)" : " (its value comes from "
                        + current + ")") + "; an imported origin can only label a value the file sets");
            }
            origins.put(path, new SettingOrigin(SOURCE, ((YNode.YScalar) value).text()));
        });
    }
}
