package io.nodesim.importer.settings;

/**
 * A real setting of the cluster that nodesim does not model (or drops, with the reason): listed in
 * {@code import-report.md}. The value is not kept: flag values hold addresses, paths and host names,
 * which an anonymised import must not write anywhere.
 *
 * @param component {@code kubelet}, {@code kube-controller-manager}, {@code kube-apiserver} or {@code kube-scheduler}
 * @param name the flag name (without dashes) or KubeletConfiguration field
 * @param reason why it is not in the scenario
 */
public record NotModelled(String component, String name, Provenance from, String reason) {
    public static final String NOT_MODELLED = "not modelled by nodesim";
}
