/**
 * The component settings of a real cluster, each with the file and JSONPath it was read from (DESIGN §3.1):
 * {@link io.nodesim.importer.settings.SettingsImport} reads the kubelet's configz, the control-plane pods'
 * command lines and the kubeadm ClusterConfiguration, checks every flag against the real flag lists of its
 * component ({@code *.flags} resources, built from the Kubernetes reference pages), detects the release, and
 * returns {@link io.nodesim.importer.settings.ImportedSettings}: the values nodesim models in the scenario's
 * syntax, the real settings it does not model, warnings, and the {@code metadata.origins} map that makes
 * {@code explain} show {@code import FILE#JSONPATH}.
 */
package io.nodesim.importer.settings;
