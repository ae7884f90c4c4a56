package io.nodesim.scenario;

import io.nodesim.scheduler.SchedulerConfiguration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One fully resolved scenario: every setting has its effective value (file, {@code --set}, or the
 * version profile's default). Times are microseconds ({@link io.nodesim.kernel.SimTime}).
 *
 * @param kubeScheduler the {@code kubeScheduler} section (a KubeSchedulerConfiguration body) compiled
 *     against the version's default profile
 * @param origins where each effective setting came from, keyed by its path below {@code spec}
 *     (for {@code explain})
 */
public record Scenario(
        String name,
        String description,
        String sourceFile,
        KubernetesVersion kubernetesVersion,
        VersionProfile profile,
        long seed,
        int replications,
        long duration,
        KubeletConfig kubelet,
        ControllerManagerConfig kubeControllerManager,
        ApiServerConfig kubeApiServer,
        SchedulerConfiguration kubeScheduler,
        Latencies latencies,
        List<NodeGroup> nodes,
        List<WorkloadSpec> workloads,
        StartupConfig startup,
        List<FaultSpec> faults,
        Map<String, SettingOrigin> origins) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
        Objects.requireNonNull(profile, "profile");
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + replications);
        }
        if (duration <= 0) {
            throw new IllegalArgumentException("duration must be > 0, got " + duration + " us");
        }
        description = description == null ? "" : description;
        Objects.requireNonNull(kubeScheduler, "kubeScheduler");
        nodes = List.copyOf(nodes);
        workloads = List.copyOf(workloads);
        faults = List.copyOf(faults);
        origins = Map.copyOf(origins);
    }

    /** Total number of nodes once pools are expanded. */
    public int nodeCount() {
        int n = 0;
        for (NodeGroup g : nodes) {
            n += g.count();
        }
        return n;
    }
}
