package io.nodesim.importer.anonymize;

/**
 * What a name names: each kind is hashed apart (the kind is part of the HMAC message), so a namespace
 * and a workload both called {@code web} get unrelated tokens, and each has its token prefix.
 */
public enum NameKind {
    NODE("node", "node-"),
    NAMESPACE("namespace", "ns-"),
    WORKLOAD("workload", "wl-"),
    POD("pod", "pod-"),
    POD_SUFFIX("pod-suffix", ""),
    CONTAINER("container", "c-"),
    IMAGE("image", "image-"),
    SERVICE("service", "svc-"),
    PRIORITY_CLASS("priorityclass", "pc-"),
    DISRUPTION_BUDGET("poddisruptionbudget", "pdb-"),
    VOLUME_CLAIM("volumeclaim", "pvc-"),
    STORAGE_CLASS("storageclass", "sc-"),
    LABEL_PREFIX("label-key-prefix", "p"),
    LABEL_NAME("label-key", "k"),
    LABEL_VALUE("label-value", "v");

    private final String csvName;
    private final String prefix;

    NameKind(String csvName, String prefix) {
        this.csvName = csvName;
        this.prefix = prefix;
    }

    /** The {@code kind} column of {@code map.csv}. */
    public String csvName() {
        return csvName;
    }

    String prefix() {
        return prefix;
    }
}
