package io.nodesim.importer.settings;

import java.util.Map;
import java.util.Optional;

/**
 * The control-plane components whose flags {@code nodesim import} reads, with the scenario section that
 * holds the flags nodesim models and the kind of each such flag's value. kube-scheduler has no flag
 * section: the scenario's {@code kubeScheduler} is a KubeSchedulerConfiguration body, which its flags
 * ({@code --config} names a file on the control-plane host) do not carry.
 */
public enum Component {
    KUBE_APISERVER("kube-apiserver", "apiserver", "kubeApiServer", Map.of(
            "default-not-ready-toleration-seconds", ValueKind.INTEGER,
            "default-unreachable-toleration-seconds", ValueKind.INTEGER)),
    KUBE_CONTROLLER_MANAGER("kube-controller-manager", "controller-manager", "kubeControllerManager", Map.of(
            "node-monitor-period", ValueKind.DURATION,
            "node-monitor-grace-period", ValueKind.DURATION,
            "node-startup-grace-period", ValueKind.DURATION,
            "node-eviction-rate", ValueKind.NUMBER,
            "secondary-node-eviction-rate", ValueKind.NUMBER,
            "large-cluster-size-threshold", ValueKind.INTEGER,
            "unhealthy-zone-threshold", ValueKind.NUMBER,
            "enable-taint-manager", ValueKind.BOOLEAN,
            "pod-eviction-timeout", ValueKind.DURATION)),
    KUBE_SCHEDULER("kube-scheduler", "scheduler", null, Map.of());

    private final String binary;
    private final String hyperkubeName;
    private final String section;
    private final Map<String, ValueKind> modelled;

    Component(String binary, String hyperkubeName, String section, Map<String, ValueKind> modelled) {
        this.binary = binary;
        this.hyperkubeName = hyperkubeName;
        this.section = section;
        this.modelled = modelled;
    }

    /** The binary and container name, e.g. {@code kube-controller-manager}. */
    public String binary() {
        return binary;
    }

    /** The scenario section of its modelled flags, if it has one. */
    public Optional<String> section() {
        return Optional.ofNullable(section);
    }

    /** The flags nodesim models, by name, with the kind of value each takes. */
    public Map<String, ValueKind> modelled() {
        return modelled;
    }

    /** The component a container name or binary path names ({@code /usr/local/bin/kube-apiserver}, {@code kube-apiserver-amd64}). */
    public static Optional<Component> named(String nameOrPath) {
        String base = nameOrPath.substring(nameOrPath.lastIndexOf('/') + 1);
        for (Component c : values()) {
            if (base.equals(c.binary) || base.startsWith(c.binary + "-amd64") || base.startsWith(c.binary + "-arm64")) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The component of a hyperkube sub-command ({@code hyperkube controller-manager}, {@code hyperkube kube-apiserver}). */
    static Optional<Component> hyperkube(String subcommand) {
        for (Component c : values()) {
            if (subcommand.equals(c.hyperkubeName) || subcommand.equals(c.binary)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
