package io.nodesim.scheduler;

import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.VersionProfiles;
import java.util.HashMap;
import java.util.Map;

/**
 * The labels of each namespace, as the scheduler's namespace lister sees them: those of the
 * scenario's {@code v1 Namespace} manifests, plus {@code kubernetes.io/metadata.name: <name>}, which
 * the NamespaceDefaultLabelName admission sets on every namespace from 1.21 (beta, on by default;
 * GA 1.22; pkg/apis/core/v1/defaults.go {@code SetDefaults_Namespace}). A namespace no manifest
 * declares exists with that label alone, as {@code default} and every namespace a workload names do
 * in a real cluster. InterPodAffinity matches a term's {@code namespaceSelector} against these
 * (interpodaffinity/plugin.go {@code mergeAffinityTermNamespacesIfNotEmpty},
 * {@code GetNamespaceLabelsSnapshot}).
 */
public final class NamespaceLabels {
    public static final String NAME_LABEL = "kubernetes.io/metadata.name";
    /** No namespace declared, newest version's defaulting. */
    public static final NamespaceLabels NONE_DECLARED = new NamespaceLabels(Map.of(), true);

    private final Map<String, Map<String, String>> declared;
    private final boolean nameLabel;
    private final Map<String, Map<String, String>> resolved = new HashMap<>();

    private NamespaceLabels(Map<String, Map<String, String>> declared, boolean nameLabel) {
        this.declared = Map.copyOf(declared);
        this.nameLabel = nameLabel;
    }

    /** @param declared labels of each declared namespace, by name */
    public static NamespaceLabels of(Map<String, Map<String, String>> declared, KubernetesVersion version) {
        return new NamespaceLabels(declared, VersionProfiles.Rule.NAMESPACE_NAME_LABEL.appliesTo(version));
    }

    /** The labels of namespace {@code name}; the same map for every call. */
    public synchronized Map<String, String> labels(String name) {
        return resolved.computeIfAbsent(name, n -> {
            Map<String, String> l = new HashMap<>(declared.getOrDefault(n, Map.of()));
            if (nameLabel) {
                l.put(NAME_LABEL, n);
            }
            return Map.copyOf(l);
        });
    }
}
