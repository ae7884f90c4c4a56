package io.nodesim.importer;

import java.util.List;
import java.util.Optional;

/**
 * The component settings of the imported cluster with their provenance (kubelet {@code configz},
 * control-plane flags, kubeadm ClusterConfiguration; implemented in {@code io.nodesim.importer.settings}).
 * The importer writes each setting into the scenario's section and lists it, with its origin, in
 * {@code import-report.md}.
 */
public interface SettingsSource {
    /** No settings files given: every setting keeps the version profile's default. */
    SettingsSource NONE = new SettingsSource() {
        @Override
        public List<ImportedSetting> settings() {
            return List.of();
        }

        @Override
        public Optional<ImportedSetting> kubernetesVersion() {
            return Optional.empty();
        }

        @Override
        public List<String> notModelled() {
            return List.of();
        }
    };

    /**
     * One setting as the scenario writes it.
     *
     * @param section {@code kubelet}, {@code kubeControllerManager}, {@code kubeApiServer} or {@code kubeScheduler}
     * @param key the real field or flag name ({@code nodeStatusUpdateFrequency}, {@code node-monitor-grace-period})
     * @param value a String, Number or Boolean, as the scenario file writes it
     * @param origin {@code FILE#JSONPATH} it was read from
     */
    record ImportedSetting(String section, String key, Object value, String origin) {
    }

    List<ImportedSetting> settings();

    /**
     * The version read from the control plane's image tags ({@code section} and {@code key} are
     * {@code spec} / {@code kubernetesVersion}), when control-plane pods were given; otherwise the
     * importer takes the most common kubelet version of the nodes.
     */
    Optional<ImportedSetting> kubernetesVersion();

    /** Real flags and fields the files set that nodesim does not model, one line each, for the report. */
    List<String> notModelled();
}
