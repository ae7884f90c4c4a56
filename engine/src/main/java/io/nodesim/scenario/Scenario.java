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
 * @param initialPlacement where pods of t = 0 run instead of being scheduled, or null
 * @param namespaces the labels of each {@code v1 Namespace} of {@code workloads}, by name
 * @param disruptionBudgets the {@code policy/v1 PodDisruptionBudget} manifests of {@code workloads}
 * @param cloudControllerManager the {@code cloudControllerManager} section
 * @param remediation {@code spec.remediation}, or null when nothing remediates NotReady nodes
 * @param clusterAutoscaler {@code spec.clusterAutoscaler}, {@link ClusterAutoscalerConfig#DISABLED} without it
 * @param traffic the EndpointSlice controller's and kube-proxy's settings
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
        Map<String, SettingOrigin> origins,
        ImportedPlacement initialPlacement,
        Map<String, Map<String, String>> namespaces,
        List<DisruptionBudgetSpec> disruptionBudgets,
        CloudControllerManagerConfig cloudControllerManager,
        RemediationSpec remediation,
        ClusterAutoscalerConfig clusterAutoscaler,
        TrafficConfig traffic) {

    public Scenario {
        Objects.requireNonNull(cloudControllerManager, "cloudControllerManager");
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
        namespaces = Map.copyOf(namespaces);
        disruptionBudgets = List.copyOf(disruptionBudgets);
        Objects.requireNonNull(clusterAutoscaler, "clusterAutoscaler");
        Objects.requireNonNull(traffic, "traffic");
    }

    /**
     * A scenario put together in code (tests, benchmarks): the parts not set take the values a file
     * that leaves them out gets.
     */
    public static ScenarioBuilder builder(String name, KubernetesVersion kubernetesVersion, VersionProfile profile,
            SchedulerConfiguration kubeScheduler) {
        return new ScenarioBuilder(name, kubernetesVersion, profile, kubeScheduler);
    }

    /** Total number of nodes once pools are expanded (an autoscaled pool's count, not what it may grow to). */
    public int nodeCount() {
        int n = 0;
        for (NodeGroup g : nodes) {
            n += g.count();
        }
        return n;
    }
}
