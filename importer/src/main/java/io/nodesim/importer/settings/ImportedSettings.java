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
