package io.nodesim.importer.settings;

import io.nodesim.scenario.KubernetesVersion;

/**
 * The cluster's Kubernetes minor release, as the scenario's {@code kubernetesVersion}.
 *
 * @param observed the text it was read from ({@code v1.30.2}, {@code v1.12.8-gke.6})
 * @param how which rule found it, for the report ("control-plane image tag", "most common kubeletVersion (5 of 5 nodes)")
 */
public record DetectedVersion(KubernetesVersion version, String observed, Provenance from, String how) {
}
