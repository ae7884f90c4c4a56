package io.nodesim.scenario;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Map;
import java.util.Objects;

/**
 * One workload of the scenario: the parsed Kubernetes manifest and what the controllers need of it.
 *
 * @param kind Deployment, ReplicaSet, StatefulSet, DaemonSet or Pod
 * @param replicas desired replicas (1 for a Pod; for a DaemonSet, the number of matching nodes is
 *     computed by the model, and this is 0)
 * @param template the pod template (a Pod's own metadata and spec for kind Pod)
 * @param manifest the object as written in the file
 * @param readWriteOnceClaim its pods mount a {@code v1 PersistentVolumeClaim} of the scenario whose
 *     accessModes hold ReadWriteOnce or ReadWriteOncePod ({@code persistentVolumeClaim.claimName})
 */
public record WorkloadSpec(
        String kind,
        String name,
        String namespace,
        int replicas,
        Map<String, String> selector,
        PodTemplateSpec template,
        HasMetadata manifest,
        int manifestIndex,
        boolean readWriteOnceClaim) {
    public WorkloadSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
        selector = selector == null ? Map.of() : Map.copyOf(selector);
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be >= 0, got " + replicas);
        }
    }

    /** A workload built in code rather than read from {@code spec.workloads}: it has no manifest index. */
    public WorkloadSpec(String kind, String name, String namespace, int replicas, Map<String, String> selector,
            PodTemplateSpec template, HasMetadata manifest) {
        this(kind, name, namespace, replicas, selector, template, manifest, -1);
    }

    /** A workload that mounts no ReadWriteOnce claim of the scenario. */
    public WorkloadSpec(String kind, String name, String namespace, int replicas, Map<String, String> selector,
            PodTemplateSpec template, HasMetadata manifest, int manifestIndex) {
        this(kind, name, namespace, replicas, selector, template, manifest, manifestIndex, false);
    }

    /** This workload as read from entry {@code index} of {@code spec.workloads}. */
    public WorkloadSpec atManifestIndex(int index) {
        return new WorkloadSpec(kind, name, namespace, replicas, selector, template, manifest, index,
                readWriteOnceClaim);
    }

    /** This workload, its pods mounting a ReadWriteOnce claim. */
    public WorkloadSpec mountingReadWriteOnceClaim() {
        return new WorkloadSpec(kind, name, namespace, replicas, selector, template, manifest, manifestIndex, true);
    }

    /**
     * The field path of the manifest, {@code workloads[N]}: N counts every entry of {@code spec.workloads},
     * Namespaces and budgets included, as error messages, origins and {@code --set} do; {@code fallback} is used
     * for a workload built in code.
     */
    public String path(int fallback) {
        return "workloads[" + (manifestIndex >= 0 ? manifestIndex : fallback) + "]";
    }

    /**
     * The workload's name in outputs and the name its pods derive from: {@code NAMESPACE/NAME}, or
     * NAME in {@code default} (DESIGN §3.1); workloads are unique by it.
     */
    public String displayName() {
        return "default".equals(namespace) ? name : namespace + "/" + name;
    }
}
