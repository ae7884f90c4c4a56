package io.nodesim.importer.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link SettingsImport} found, for the scenario writer and the import report.
 *
 * @param sections per scenario section ({@code kubelet}, {@code kubeControllerManager}, {@code kubeApiServer},
 *     in that order, only those with a value), the settings by their scenario names, in the order read
 * @param version the cluster's release within the version profiles, if any source named one
 * @param notModelled real settings the scenario does not carry, with the reason
 * @param warnings what the report should say (conflicting sources, clamped version, shell-started components)
 */
public record ImportedSettings(
        Map<String, Map<String, ImportedValue>> sections,
        Optional<DetectedVersion> version,
        List<NotModelled> notModelled,
        List<String> warnings) {

    public ImportedSettings {
        Map<String, Map<String, ImportedValue>> copy = new LinkedHashMap<>();
        sections.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v)));
            }
        });
        sections = java.util.Collections.unmodifiableMap(copy);
        notModelled = List.copyOf(notModelled);
        warnings = List.copyOf(warnings);
    }

    /**
     * The same settings with their source files renamed ({@code configz-node-7.json} to {@code kubelet-configz}):
     * an anonymised import names no file the user named, since file names often carry a node or cluster name.
     *
     * @param labels per file name as {@link Provenance} holds it, its new name
     */
    public ImportedSettings withFileNames(Map<String, String> labels) {
        java.util.function.UnaryOperator<Provenance> at = p -> new Provenance(labels.getOrDefault(p.file(), p.file()),
                p.jsonPath());
        Map<String, Map<String, ImportedValue>> renamed = new LinkedHashMap<>();
        sections.forEach((section, values) -> {
            Map<String, ImportedValue> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, new ImportedValue(v.scalar(), v.raw(), at.apply(v.from()))));
            renamed.put(section, copy);
        });
        List<String> texts = warnings.stream().map(w -> {
            String out = w;
            for (Map.Entry<String, String> e : labels.entrySet()) {
                // every file name in a warning is a Provenance: FILE#JSONPATH, at the start or after a space or '('
                out = out.replaceAll("(?<![^\\s(])" + java.util.regex.Pattern.quote(e.getKey()) + "#",
                        java.util.regex.Matcher.quoteReplacement(e.getValue() + "#"));
            }
            return out;
        }).toList();
        return new ImportedSettings(renamed,
                version.map(v -> new DetectedVersion(v.version(), v.observed(), at.apply(v.from()), v.how())),
                notModelled.stream().map(n -> new NotModelled(n.component(), n.name(), at.apply(n.from()), n.reason()))
                        .toList(), texts);
    }

    /** The values of one section ({@code kubeControllerManager}); empty when none was imported. */
    public Map<String, ImportedValue> section(String name) {
        return sections.getOrDefault(name, Map.of());
    }

    /**
     * What the scenario writer puts under {@code metadata.origins}: each written setting's path as
     * {@code explain} names it ({@code kubeControllerManager.node-monitor-grace-period},
     * {@code kubernetesVersion}) to its {@code FILE#JSONPATH}.
     */
    public Map<String, String> origins() {
        Map<String, String> out = new LinkedHashMap<>();
        version.ifPresent(v -> out.put("kubernetesVersion", v.from().toString()));
        sections.forEach((section, values) -> values.forEach((name, value) ->
                out.put(section + "." + name, value.from().toString())));
        return out;
    }
}
