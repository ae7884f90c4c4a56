package io.nodesim.scenario;

import io.nodesim.scheduler.SchedulerConfiguration;
import java.util.List;
import java.util.Map;

/**
 * A {@link Scenario} put together in code (tests, benchmarks) rather than read from a file: every
 * part not set takes the value a file that leaves it out gets (one replication, no namespaces,
 * budgets, remediation or cluster-autoscaler, the default cloud-controller-manager, the version's
 * EndpointSlice and kube-proxy defaults). {@code ScenarioLoader} builds the record directly.
 */
public final class ScenarioBuilder {
    private final String name;
    private final KubernetesVersion version;
    private final VersionProfile profile;
    private final SchedulerConfiguration kubeScheduler;
    private String description = "";
    private String sourceFile;
    private long seed;
    private int replications = 1;
    private long duration;
    private KubeletConfig kubelet;
    private ControllerManagerConfig kubeControllerManager;
    private ApiServerConfig kubeApiServer;
    private Latencies latencies;
    private List<NodeGroup> nodes = List.of();
    private List<WorkloadSpec> workloads = List.of();
    private StartupConfig startup;
    private List<FaultSpec> faults = List.of();
    private Map<String, SettingOrigin> origins = Map.of();
    private ImportedPlacement initialPlacement;
    private CloudControllerManagerConfig cloudControllerManager = CloudControllerManagerConfig.DEFAULTS;
    private RemediationSpec remediation;
    private TrafficConfig traffic;

    ScenarioBuilder(String name, KubernetesVersion version, VersionProfile profile, SchedulerConfiguration kubeScheduler) {
        this.name = name;
        this.version = version;
        this.profile = profile;
        this.kubeScheduler = kubeScheduler;
    }

    public ScenarioBuilder description(String d) {
        description = d;
        return this;
    }

    public ScenarioBuilder sourceFile(String f) {
        sourceFile = f;
        return this;
    }

    public ScenarioBuilder seed(long s) {
        seed = s;
        return this;
    }

    public ScenarioBuilder replications(int r) {
        replications = r;
        return this;
    }

    /** The simulated time, in microseconds. */
    public ScenarioBuilder duration(long d) {
        duration = d;
        return this;
    }

    public ScenarioBuilder kubelet(KubeletConfig k) {
        kubelet = k;
        return this;
    }

    public ScenarioBuilder kubeControllerManager(ControllerManagerConfig k) {
        kubeControllerManager = k;
        return this;
    }

    public ScenarioBuilder kubeApiServer(ApiServerConfig a) {
        kubeApiServer = a;
        return this;
    }

    public ScenarioBuilder latencies(Latencies l) {
        latencies = l;
        return this;
    }

    public ScenarioBuilder nodes(List<NodeGroup> n) {
        nodes = n;
        return this;
    }

    public ScenarioBuilder workloads(List<WorkloadSpec> w) {
        workloads = w;
        return this;
    }

    public ScenarioBuilder startup(StartupConfig s) {
        startup = s;
        return this;
    }

    public ScenarioBuilder faults(List<FaultSpec> f) {
        faults = f;
        return this;
    }

    /** Where each effective setting came from, keyed by its path below {@code spec} (for {@code explain}). */
    public ScenarioBuilder origins(Map<String, SettingOrigin> o) {
        origins = o;
        return this;
    }

    public ScenarioBuilder initialPlacement(ImportedPlacement p) {
        initialPlacement = p;
        return this;
    }

    public ScenarioBuilder cloudControllerManager(CloudControllerManagerConfig c) {
        cloudControllerManager = c;
        return this;
    }

    public ScenarioBuilder remediation(RemediationSpec r) {
        remediation = r;
        return this;
    }

    public ScenarioBuilder traffic(TrafficConfig t) {
        traffic = t;
        return this;
    }

    public Scenario build() {
        return new Scenario(name, description, sourceFile, version, profile, seed, replications, duration, kubelet,
                kubeControllerManager, kubeApiServer, kubeScheduler, latencies, nodes, workloads, startup, faults,
                origins, initialPlacement, Map.of(), List.of(), cloudControllerManager, remediation,
                ClusterAutoscalerConfig.DISABLED,
                traffic != null ? traffic : TrafficConfig.of(VersionProfiles.forVersion(version)));
    }
}
