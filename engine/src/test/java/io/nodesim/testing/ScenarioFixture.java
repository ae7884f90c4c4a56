package io.nodesim.testing;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.admission.PodAdmission;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.ApiServerConfig;
import io.nodesim.scenario.ControllerManagerConfig;
import io.nodesim.scenario.FaultSpec;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.scenario.KubeletConfig;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.Latencies;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.StartupConfig;
import io.nodesim.scenario.VersionProfile;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scheduler.SchedulerConfigurations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Scenario} records for tests, with the defaults of a version profile (spec §2) and
 * constant latencies (watch 50 ms, monitor pass 20 ms, writes 5 ms) unless a test changes them.
 */
public final class ScenarioFixture {
    private String version = "1.35";
    private long seed = 1;
    private long duration = SimTime.MINUTE * 10;
    private Long grace;
    private long monitorPeriod = SimTime.seconds(5);
    private double evictionRate = 0.1;
    private double secondaryRate = 0.01;
    private int largeCluster = 50;
    private double unhealthyThreshold = 0.55;
    private Boolean taintManager;
    private long podEvictionTimeout = SimTime.MINUTE * 5;
    private long statusFrequency = SimTime.seconds(10);
    private long reportFrequency = SimTime.MINUTE * 5;
    private int leaseSeconds = 40;
    private Boolean leaseJitter;
    private DurationDistribution watch = DurationDistribution.constant(SimTime.millis(50));
    private DurationDistribution monitorPass = DurationDistribution.constant(SimTime.millis(20));
    private DurationDistribution write = DurationDistribution.constant(SimTime.millis(5));
    private DurationDistribution controller = DurationDistribution.constant(0);
    private DurationDistribution cycle = DurationDistribution.constant(0);
    private DurationDistribution binding = DurationDistribution.constant(0);
    private DurationDistribution imagePull = DurationDistribution.constant(0);
    private DurationDistribution containerStart = DurationDistribution.constant(0);
    private String cpu = "100m";
    private List<String> nodeImages = List.of();
    private io.fabric8.kubernetes.api.model.Probe probe;
    private io.fabric8.kubernetes.api.model.TopologySpreadConstraint spread;
    private final List<NodeGroup> nodes = new ArrayList<>();
    private final List<WorkloadSpec> workloads = new ArrayList<>();
    private final List<FaultSpec> faults = new ArrayList<>();
    private long cloudMonitorPeriod = io.nodesim.scenario.CloudControllerManagerConfig.DEFAULT_NODE_MONITOR_PERIOD;
    private io.nodesim.scenario.RemediationSpec remediation;
    private io.nodesim.scenario.GracefulShutdownConfig shutdown = io.nodesim.scenario.GracefulShutdownConfig.NONE;
    private io.nodesim.scenario.TrafficConfig traffic;

    public static ScenarioFixture scenario() {
        return new ScenarioFixture();
    }

    private double kubeApiQps = io.nodesim.scenario.VersionProfiles.KUBE_API_QPS;
    private int kubeApiBurst = io.nodesim.scenario.VersionProfiles.KUBE_API_BURST;

    public ScenarioFixture version(String v) {
        version = v;
        return this;
    }

    public ScenarioFixture seed(long s) {
        seed = s;
        return this;
    }

    public ScenarioFixture duration(long d) {
        duration = d;
        return this;
    }

    public ScenarioFixture grace(long g) {
        grace = g;
        return this;
    }

    public ScenarioFixture monitorPeriod(long p) {
        monitorPeriod = p;
        return this;
    }

    public ScenarioFixture evictionRates(double primary, double secondary) {
        evictionRate = primary;
        secondaryRate = secondary;
        return this;
    }

    public ScenarioFixture largeClusterSizeThreshold(int n) {
        largeCluster = n;
        return this;
    }

    public ScenarioFixture taintManager(boolean enabled) {
        taintManager = enabled;
        return this;
    }

    public ScenarioFixture podEvictionTimeout(long t) {
        podEvictionTimeout = t;
        return this;
    }

    /** kube-controller-manager's {@code --kube-api-qps} / {@code --kube-api-burst}. */
    public ScenarioFixture kubeApi(double qps, int burst) {
        this.kubeApiQps = qps;
        this.kubeApiBurst = burst;
        return this;
    }

    public ScenarioFixture statusFrequency(long f) {
        statusFrequency = f;
        return this;
    }

    public ScenarioFixture leaseJitter(boolean on) {
        leaseJitter = on;
        return this;
    }

    public ScenarioFixture watch(DurationDistribution d) {
        watch = d;
        return this;
    }

    public ScenarioFixture monitorPass(DurationDistribution d) {
        monitorPass = d;
        return this;
    }

    public ScenarioFixture writes(DurationDistribution d) {
        write = d;
        return this;
    }

    /** Controller sync, scheduling cycle and binding latencies (constant 0 unless set). */
    public ScenarioFixture workloadLatencies(long controllerMicros, long cycleMicros, long bindingMicros) {
        controller = DurationDistribution.constant(controllerMicros);
        cycle = DurationDistribution.constant(cycleMicros);
        binding = DurationDistribution.constant(bindingMicros);
        return this;
    }

    /** The default start-up model (constant 0 unless set). */
    public ScenarioFixture startup(long pullMicros, long startMicros) {
        imagePull = DurationDistribution.constant(pullMicros);
        containerStart = DurationDistribution.constant(startMicros);
        return this;
    }

    /** The CPU request of the workloads added after this call (default 100m). */
    public ScenarioFixture cpu(String request) {
        cpu = request;
        return this;
    }

    /** The images the nodes added after this call list in their status (the workloads' image is "app:1"). */
    public ScenarioFixture nodeImages(String... images) {
        nodeImages = List.of(images);
        return this;
    }

    /** The readiness probe of the workloads added after this call. */
    public ScenarioFixture readinessProbe(int initialDelaySeconds, int periodSeconds, int successThreshold) {
        probe = new io.fabric8.kubernetes.api.model.ProbeBuilder().withInitialDelaySeconds(initialDelaySeconds)
                .withPeriodSeconds(periodSeconds).withSuccessThreshold(successThreshold).build();
        return this;
    }

    /**
     * A topology spread constraint over the workload's own pods ({@code app: name}) for the
     * workloads added after this call.
     */
    public ScenarioFixture topologySpread(String topologyKey, int maxSkew, String whenUnsatisfiable) {
        spread = new io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder().withTopologyKey(topologyKey)
                .withMaxSkew(maxSkew).withWhenUnsatisfiable(whenUnsatisfiable).build();
        return this;
    }

    /** A StatefulSet, its pods claiming a ReadWriteOnce volume when {@code rwo}. */
    public ScenarioFixture statefulSet(String name, int replicas, boolean rwo) {
        PodTemplateSpec t = template(name, new Toleration[0]);
        var builder = new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewSpec().withReplicas(replicas).withTemplate(t);
        if (rwo) {
            builder = builder.addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata().withNewSpec()
                    .withAccessModes("ReadWriteOnce").endSpec().endVolumeClaimTemplate();
        }
        workloads.add(new WorkloadSpec("StatefulSet", name, "default", replicas, Map.of("app", name), t,
                builder.endSpec().build()));
        return this;
    }

    public ScenarioFixture pool(String name, int count, String... zones) {
        nodes.add(new NodeGroup(name, true, count, List.of(zones), nodeTemplate(Map.of())));
        return this;
    }

    public ScenarioFixture node(String name, String zone, Map<String, String> labels) {
        nodes.add(new NodeGroup(name, false, 1, List.of(zone), nodeTemplate(labels)));
        return this;
    }

    /** A single node carrying the given taints ({@code nodes[].taints}). */
    public ScenarioFixture taintedNode(String name, String zone, io.fabric8.kubernetes.api.model.Taint... taints) {
        var template = new NodeBuilder(nodeTemplate(Map.of())).withNewSpec().withTaints(List.of(taints)).endSpec().build();
        nodes.add(new NodeGroup(name, false, 1, List.of(zone), template));
        return this;
    }

    /** {@link #joiningNode} carrying the given taints. */
    public ScenarioFixture joiningTaintedNode(String name, String zone, long joinAt, DurationDistribution readyAfter,
            io.fabric8.kubernetes.api.model.Taint... taints) {
        var template = new NodeBuilder(nodeTemplate(Map.of())).withNewSpec().withTaints(List.of(taints)).endSpec().build();
        nodes.add(new NodeGroup(name, false, 1, List.of(zone), template, joinAt, readyAfter));
        return this;
    }

    /** A node created at {@code joinAt} whose kubelet posts Ready {@code readyAfter} later (null: never). */
    public ScenarioFixture joiningNode(String name, String zone, long joinAt, DurationDistribution readyAfter) {
        nodes.add(new NodeGroup(name, false, 1, List.of(zone), nodeTemplate(Map.of()), joinAt, readyAfter));
        return this;
    }

    /** The loader's default node: 4 CPU, 16 GiB, 110 pods. */
    private io.fabric8.kubernetes.api.model.Node nodeTemplate(Map<String, String> labels) {
        var images = nodeImages.stream().map(i -> new io.fabric8.kubernetes.api.model.ContainerImage(List.of(i),
                100L * 1024 * 1024)).toList();
        return new NodeBuilder().withNewMetadata().withLabels(labels).endMetadata().withNewStatus()
                .withAllocatable(Map.of("cpu", new Quantity("4"), "memory", new Quantity("16Gi"), "pods",
                        new Quantity("110")))
                .withImages(images).endStatus().build();
    }

    public ScenarioFixture deployment(String name, int replicas, Toleration... tolerations) {
        return workload("Deployment", name, replicas, tolerations);
    }

    public ScenarioFixture daemonSet(String name) {
        return workload("DaemonSet", name, 0);
    }

    /** A bare Pod bound by {@code spec.nodeName}. */
    public ScenarioFixture barePod(String name, String nodeName, Toleration... tolerations) {
        PodTemplateSpec t = new PodTemplateSpecBuilder(template(name, tolerations)).editSpec().withNodeName(nodeName)
                .endSpec().build();
        workloads.add(new WorkloadSpec("Pod", name, "default", 1, Map.of("app", name), t, null));
        return this;
    }

    public ScenarioFixture workload(String kind, String name, int replicas, Toleration... tolerations) {
        PodTemplateSpec t = template(name, tolerations);
        workloads.add(new WorkloadSpec(kind, name, "default", replicas, Map.of("app", name), t, null));
        return this;
    }

    private PodTemplateSpec template(String name, Toleration[] tolerations) {
        List<io.fabric8.kubernetes.api.model.TopologySpreadConstraint> constraints = spread == null ? List.of()
                : List.of(new io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder(spread)
                        .withNewLabelSelector().addToMatchLabels("app", name).endLabelSelector().build());
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().withTolerations(List.of(tolerations)).withTopologySpreadConstraints(constraints)
                .addNewContainer().withName("app").withImage("app:1")
                .withReadinessProbe(probe).withNewResources()
                .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity("128Mi")))
                .endResources().endContainer().endSpec().build();
    }

    public ScenarioFixture fault(String type, long at, long duration, FaultTarget target) {
        faults.add(new FaultSpec(type, at, duration, target));
        return this;
    }

    /** A HeartbeatDelay-style fault with its {@code delay}. */
    public ScenarioFixture fault(String type, long at, long duration, FaultTarget target, DurationDistribution delay) {
        faults.add(new FaultSpec(type, at, duration, target, Map.of("delay", delay), 0));
        return this;
    }

    /** A fault with fields of its own (a choice's value as a String, a distribution as itself). */
    public ScenarioFixture fault(String type, long at, long duration, FaultTarget target, Map<String, Object> fields) {
        faults.add(new FaultSpec(type, at, duration, target, fields, 0));
        return this;
    }

    /** cloud-controller-manager's --node-monitor-period. */
    public ScenarioFixture cloudMonitorPeriod(long p) {
        cloudMonitorPeriod = p;
        return this;
    }

    /** The kubelet's shutdownGracePeriod and shutdownGracePeriodCriticalPods. */
    public ScenarioFixture shutdownGracePeriods(long period, long critical) {
        shutdown = new io.nodesim.scenario.GracefulShutdownConfig(period, critical, List.of());
        return this;
    }

    public ScenarioFixture remediation(long notReadyFor, DurationDistribution delay, String action) {
        remediation = new io.nodesim.scenario.RemediationSpec(notReadyFor, delay, action);
        return this;
    }

    public ScenarioFixture randomFailures(long at, DurationDistribution mtbf, DurationDistribution mttr,
            String failure, FaultTarget target) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("mtbf", mtbf);
        if (mttr != null) {
            fields.put("mttr", mttr);
        }
        fields.put("failure", failure == null ? "NodeCrash" : failure);
        faults.add(new FaultSpec("RandomNodeFailures", at, SimTime.NEVER, target, fields, 0));
        return this;
    }

    public ScenarioFixture crash(long at, String... nodeNames) {
        return fault("NodeCrash", at, SimTime.NEVER, nodes(nodeNames));
    }

    public static FaultTarget nodes(String... names) {
        return new FaultTarget(List.of(names), null, Map.of(), null, null);
    }

    public static FaultTarget zone(String zone) {
        return new FaultTarget(List.of(), zone, Map.of(), null, null);
    }

    public static Toleration toleration(String key, Long seconds) {
        return new Toleration("NoExecute", key, "Exists", seconds, null);
    }

    /** EndpointSlice batch period and kube-proxy settings (the version's defaults unless set). */
    public ScenarioFixture traffic(io.nodesim.scenario.TrafficConfig t) {
        traffic = t;
        return this;
    }

    public Scenario build() {
        KubernetesVersion v = KubernetesVersion.parse(version);
        int minor = v.minor();
        boolean lease = minor >= 17;
        boolean jitter = leaseJitter != null ? leaseJitter : minor >= 20;
        VersionProfile profile = new VersionProfile(profileName(minor), lease, jitter, minor >= 34, minor < 27,
                minor >= 36, minor >= 33);
        long g = grace != null ? grace : SimTime.seconds(minor >= 32 ? 50 : 40);
        boolean tm = taintManager != null ? taintManager : minor >= 13;
        var kcm = new ControllerManagerConfig(monitorPeriod, g, SimTime.seconds(60), evictionRate, secondaryRate,
                largeCluster, unhealthyThreshold, tm, podEvictionTimeout, true,
                io.nodesim.scenario.VersionProfiles.LEADER_ELECT_LEASE_DURATION,
                io.nodesim.scenario.VersionProfiles.LEADER_ELECT_RENEW_DEADLINE,
                io.nodesim.scenario.VersionProfiles.LEADER_ELECT_RETRY_PERIOD, kubeApiQps, kubeApiBurst);
        var latencies = new Latencies(watch, monitorPass, write, write, controller, cycle, binding);
        var startup = new StartupConfig(new StartupConfig.Model(imagePull, containerStart), Map.of());
        if (nodes.isEmpty()) {
            pool("node", 10, "a");
        }
        ApiServerConfig apiServer = new ApiServerConfig(300, 300);
        return Scenario.builder("test", v, profile, SchedulerConfigurations.defaults(v, profile)).seed(seed)
                .duration(duration).kubelet(new KubeletConfig(statusFrequency, reportFrequency, leaseSeconds, shutdown))
                .kubeControllerManager(kcm).kubeApiServer(apiServer).latencies(latencies).nodes(nodes)
                .workloads(PodAdmission.admit(workloads, apiServer)).startup(startup).faults(faults)
                .cloudControllerManager(new io.nodesim.scenario.CloudControllerManagerConfig(cloudMonitorPeriod))
                .remediation(remediation).traffic(traffic).build();
    }

    private static String profileName(int minor) {
        if (minor < 17) {
            return "1.12";
        }
        if (minor < 32) {
            return "1.17–1.31";
        }
        return minor < 34 ? "1.32–1.33" : "1.34+";
    }
}
