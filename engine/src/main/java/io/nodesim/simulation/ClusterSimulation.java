package io.nodesim.simulation;

import io.nodesim.autoscaler.ClusterAutoscaler;
import io.nodesim.cloud.CloudInstances;
import io.nodesim.cloud.CloudNodeLifecycleController;
import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.EventRecorder;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.Samples;
import io.nodesim.cluster.Topology;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.controllermanager.Controller;
import io.nodesim.controllermanager.ControllerManager;
import io.nodesim.controllermanager.LeaderElection;
import io.nodesim.disruption.DisruptionBudgets;
import io.nodesim.disruption.EvictionApi;
import io.nodesim.disruption.NodeDrainer;
import io.nodesim.endpoints.EndpointSliceController;
import io.nodesim.endpoints.Endpoints;
import io.nodesim.endpoints.KubeProxy;
import io.nodesim.faults.FaultContext;
import io.nodesim.faults.FaultInjector;
import io.nodesim.kernel.RandomStreams;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.kubelet.HeartbeatSequence;
import io.nodesim.kubelet.Kubelet;
import io.nodesim.kubelet.NodeFaultState;
import io.nodesim.kubelet.NodeShutdownManager;
import io.nodesim.kubelet.PodTermination;
import io.nodesim.metrics.RunResult;
import io.nodesim.nodelifecycle.NodeLifecycleController;
import io.nodesim.nodelifecycle.NodeLifecycleSettings;
import io.nodesim.scenario.KubeletConfig;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.VersionProfiles;
import io.nodesim.scenario.VersionProfiles.Rule;
import io.nodesim.scheduler.PlacementMemo;
import io.nodesim.tainteviction.ScenarioNoExecuteTaints;
import io.nodesim.tainteviction.TolerationSources;
import io.nodesim.tainteviction.TaintEvictionController;
import io.nodesim.workloads.WorkloadControllers;
import io.nodesim.remediation.Remediator;
import java.util.ArrayList;
import java.util.List;

/**
 * One replication of a scenario, from the cluster at t = 0 to the {@link RunResult}. Every
 * component draws from its own named stream of {@link RandomStreams}(seed, replication), so the
 * same scenario, seed and replication give the same result, and two sweep points share the
 * numbers of every component they do not change.
 */
public final class ClusterSimulation {
    /** The lease controller's JitterUntil factor (component-helpers apimachinery/lease). */
    public static final double LEASE_JITTER = 0.04;

    private final Scenario scenario;
    private final int replication;
    private final Simulation sim = new Simulation();
    private final ClusterState cluster;
    private final Samples samples = new Samples();
    private final PodDeletions deletions;
    private final Kubelet kubelet;
    private final NodeLifecycleController nodeLifecycle;
    private final TaintEvictionController taintEviction;
    private final WorkloadControllers workloads;
    private final ControllerManager controllerManager;
    private final ClusterAutoscaler autoscaler;
    private final PodTermination termination;
    private final DisruptionBudgets budgets;
    private final EvictionApi evictions;
    private final Endpoints endpoints;

    public ClusterSimulation(Scenario scenario, int replication, boolean recordEvents) {
        this(scenario, replication, recordEvents, null);
    }

    /**
     * @param placements the t = 0 placements of other points of the same sweep, replayed where this
     *     replication's would be the same ({@link PlacementMemo}), or null
     */
    public ClusterSimulation(Scenario scenario, int replication, boolean recordEvents, PlacementMemo placements) {
        this.scenario = scenario;
        this.replication = replication;
        RandomStreams streams = new RandomStreams(scenario.seed(), replication);
        Topology topology = Topology.of(scenario.nodes());
        SchedulerPlacement placement = new SchedulerPlacement(topology, streams.stream("scheduler.ties"), placements,
                replication);
        cluster = ClusterBuilder.build(scenario, topology, placement, new EventRecorder(recordEvents));
        deletions = new PodDeletions(cluster, samples);
        int n = topology.size();
        KubeletConfig k = scenario.kubelet();
        NodeFaultState faults = new NodeFaultState(n, cluster.controlPlane(),
                Math.min(k.nodeLeaseDurationSeconds() * SimTime.SECOND, k.nodeStatusUpdateFrequency()));
        double jitter = scenario.profile().leaseJitter() ? LEASE_JITTER : 0;
        var lat = scenario.latencies();
        HeartbeatSequence lease = scenario.profile().nodeLease()
                ? new HeartbeatSequence(n, k.leaseRenewInterval(), jitter, lat.leaseRenewal(), lat.watch(), faults,
                        streams.stream("kubelet.lease").nextLong())
                : null;
        HeartbeatSequence status = new HeartbeatSequence(n, statusPostPeriod(scenario), jitter, lat.statusUpdate(),
                lat.watch(), faults, streams.stream("kubelet.status").nextLong());
        kubelet = new Kubelet(sim, cluster, faults, lease, status, lat.statusUpdate(), k.nodeStatusUpdateFrequency(),
                deletions, streams.stream("kubelet.readyPost"));
        kubelet.scheduleJoins();
        new NodeShutdownManager(sim, cluster, kubelet, k.shutdown(), scenario.workloads(),
                streams.stream("kubelet.shutdown"));
        // Informer-bus subscriptions, in the order the watchers are told (equal-time ties follow it):
        // node lifecycle, taint eviction, the kubelets, the workload controllers, the scheduler.
        var kcm = scenario.kubeControllerManager();
        VersionProfiles.Row row = VersionProfiles.forVersion(scenario.kubernetesVersion());
        ApiClient nodeController = new ApiClient(kcm.kubeApiQps(), kcm.kubeApiBurst());
        nodeLifecycle = new NodeLifecycleController(sim, cluster, NodeLifecycleSettings.of(scenario), kubelet,
                samples, deletions, streams, nodeController);
        // 1.29+: ClientOrDie("node-controller") again, a second clientset with its own limiter.
        ApiClient taintEvictionClient = row.has(Rule.SEPARATE_TAINT_EVICTION_CLIENT)
                ? new ApiClient(kcm.kubeApiQps(), kcm.kubeApiBurst()) : nodeController;
        taintEviction = new TaintEvictionController(sim, cluster, deletions, lat.watch(),
                streams.stream("tainteviction"), new ScenarioNoExecuteTaints(topology, scenario.workloads()),
                taintEvictionClient, row.has(Rule.DISRUPTION_TARGET_ON_EVICTION) ? 3 : 1,
                new TolerationSources(scenario.workloads(), scenario.kubeApiServer()));
        cluster.informers().watchNodes(kubelet);
        budgets = new DisruptionBudgets(cluster, scenario.disruptionBudgets(), scenario.workloads());
        SchedulerEventHandlers scheduler = new SchedulerEventHandlers(sim, cluster, placement, lat.schedulingCycle(),
                lat.binding(), lat.watch(), streams.stream("scheduler.loop"), streams.stream("scheduler.informer"),
                deletions, new PreemptionBudgets(budgets), streams.stream("scheduler.preemption"));
        workloads = new WorkloadControllers(sim, cluster, scenario, deletions, samples, streams,
                new DaemonSetNodeFit(cluster, placement));
        cluster.informers().watchNodes(scheduler);
        cluster.informers().watchPods(scheduler);
        cluster.informers().watchPods(taintEviction);
        scheduler.queueInitialPending();
        autoscaler = ClusterAutoscaler.startIfConfigured(sim, cluster, kubelet, new SchedulerSnapshot(placement), scenario,
                streams);
        termination = new PodTermination(sim, cluster, faults, kubelet.runtime(), deletions, scenario.workloads(), lat.watch(),
                streams.stream("kubelet.termination"));
        cluster.informers().watchPods(termination);
        cluster.informers().watchPods(budgets);
        evictions = new EvictionApi(cluster, budgets, deletions);
        NodeDrainer drainer = new NodeDrainer(sim, cluster, evictions, termination, scenario.workloads(),
                streams.stream("kubectl"));
        cluster.informers().watchPods(drainer);
        CloudInstances cloud = new CloudInstances(n);
        new CloudNodeLifecycleController(sim, cluster, cloud, scenario.cloudControllerManager().nodeMonitorPeriod(),
                lat.watch(), streams.stream("cloudnodelifecycle"));
        if (scenario.remediation() != null) {
            new Remediator(sim, cluster, scenario.remediation(), lat.watch(), streams.stream("remediation"));
        }
        endpoints = new Endpoints(cluster, samples);
        cluster.informers().watchPods(endpoints);
        var traffic = scenario.traffic();
        KubeProxy proxy = new KubeProxy(sim, endpoints, traffic.kubeProxyMinSyncPeriod(), traffic.kubeProxySyncBurst(),
                lat.watch(), streams.stream("kubeproxy"));
        cluster.informers().watchPods(new EndpointSliceController(sim, cluster, proxy,
                traffic.endpointSliceUpdatesBatchPeriod(), lat.watch(), lat.controller(),
                streams.stream("endpointslice")));
        FaultContext ctx = new FaultContext(sim, cluster, kubelet, streams.stream("faults"), drainer, cloud);
        new FaultInjector(ctx).schedule(scenario.faults());
        List<Controller> controllers = new ArrayList<>(List.of(nodeLifecycle, taintEviction));
        controllers.addAll(workloads.controllers());
        controllerManager = new ControllerManager(cluster, controllers,
                LeaderElection.of(scenario.kubeControllerManager()), streams.stream("leaderelection"));
        controllerManager.start();
        Invariants.register(sim, cluster, scenario, placement, controllerManager::leadingSince, nodeController);
    }

    /**
     * The period of the kubelet's periodic NodeStatus post: every nodeStatusUpdateFrequency before
     * leases; with leases only when nodeStatusReportFrequency has passed, i.e. at the first status
     * tick at or after it.
     */
    static long statusPostPeriod(Scenario s) {
        long f = s.kubelet().nodeStatusUpdateFrequency();
        if (!s.profile().nodeLease()) {
            return f;
        }
        long report = s.kubelet().nodeStatusReportFrequency();
        return Math.max(1, (report + f - 1) / f) * f;
    }

    /** Runs one replication of the scenario (the entry point other packages call). */
    public static RunResult run(Scenario scenario, int replication, boolean recordEvents) {
        return new ClusterSimulation(scenario, replication, recordEvents).run();
    }

    /** Runs one replication of a sweep point, sharing t = 0 placements with the sweep's other points. */
    public static RunResult run(Scenario scenario, int replication, PlacementMemo placements) {
        return new ClusterSimulation(scenario, replication, false, placements).run();
    }

    public RunResult run() {
        sim.runUntil(scenario.duration());
        return Results.collect(replication, cluster, endpoints, samples, sim.eventsFired(), sim.now());
    }

    public Simulation simulation() {
        return sim;
    }

    public ClusterState cluster() {
        return cluster;
    }

    public NodeLifecycleController nodeLifecycle() {
        return nodeLifecycle;
    }

    public TaintEvictionController taintEviction() {
        return taintEviction;
    }

    public Kubelet kubelet() {
        return kubelet;
    }

    public ControllerManager controllerManager() {
        return controllerManager;
    }

    public WorkloadControllers workloads() {
        return workloads;
    }

    /** cluster-autoscaler, or null when the scenario has no {@code spec.clusterAutoscaler}. */
    public ClusterAutoscaler autoscaler() {
        return autoscaler;
    }

    public PodDeletions deletions() {
        return deletions;
    }

    /** The PodDisruptionBudgets of the run and their status. */
    public DisruptionBudgets disruptionBudgets() {
        return budgets;
    }

    /** Each pod's endpoint as kube-proxy programs it. */
    public Endpoints endpoints() {
        return endpoints;
    }

    /** The pods/eviction subresource of the run's API server. */
    public EvictionApi evictions() {
        return evictions;
    }
}
