package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.NodeWatcher;
import io.nodesim.cluster.Topology;
import io.nodesim.controllermanager.Controller;
import io.nodesim.controllermanager.Downtime;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.Simulation;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.InitialPlacement;
import io.nodesim.scheduler.NamespaceLabels;
import io.nodesim.scheduler.PodCompiler;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.TaintEffects;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The DaemonSet controller ({@code pkg/controller/daemon/daemon_controller.go}) for the nodes that
 * join during the run (a joinAt node or one cluster-autoscaler added; the nodes of t = 0 start with
 * their DaemonSet pods). A Node add or taint change reaches its informer one watch delay later and
 * the sync takes {@code latencies.controller}; the sync creates, for every DaemonSet that has no pod
 * on the node, a pod pinned to it when {@code NodeShouldRunDaemonPod} holds: the node matches the
 * pod's nodeSelector and required node affinity, and the pod (with the tolerations the controller
 * adds, {@code admission.DaemonSetTolerations}) tolerates every NoSchedule and NoExecute taint the
 * node has at that moment, the not-ready taint of a node that has not reported Ready included. So a
 * DaemonSet that tolerates everything (the usual kube-proxy, CNI or log agent) gets its pod before the
 * node is Ready and takes its room before pending pods that wait for the taint to go; one that does
 * not gets its pod when the taint goes, and races the pending pods for the room.
 */
public final class DaemonSetController implements Controller, NodeWatcher {
    private final Simulation sim;
    private final ClusterState cluster;
    private final DurationDistribution watch;
    private final DurationDistribution controller;
    private final RandomGenerator rng;
    private final int[] daemonSets;
    private final CompiledPod[] probes;
    /** The controller's view of the joined nodes: labels, template taints and the controller taints. */
    private final SchedulerCache view = new SchedulerCache();
    private final int[] viewIndex;
    private final int[] viewTaints;
    /** Per DaemonSet (by its position in {@link #daemonSets}) and node: a pod was created for it. */
    private final boolean[][] created;
    private final int syncKind;
    private final Downtime restarting = new Downtime();

    public DaemonSetController(Simulation sim, ClusterState cluster, Scenario scenario, DurationDistribution watch,
            DurationDistribution controller, RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
        this.watch = watch;
        this.controller = controller;
        this.rng = rng;
        PodCompiler compiler = new PodCompiler(view, scenario.kubeScheduler().sidecarHostPorts(),
                NamespaceLabels.of(scenario.namespaces(), scenario.kubernetesVersion()), scenario.kubernetesVersion());
        daemonSets = new int[scenario.workloads().size()];
        int n = 0;
        for (int w = 0; w < scenario.workloads().size(); w++) {
            if ("DaemonSet".equals(scenario.workloads().get(w).kind())) {
                daemonSets[n++] = w;
            }
        }
        probes = new CompiledPod[n];
        for (int i = 0; i < n; i++) {
            WorkloadSpec spec = scenario.workloads().get(daemonSets[i]);
            probes[i] = compiler.compile(spec.name(), spec.namespace(), spec.template(), null);
        }
        int nodes = cluster.nodes().count();
        viewIndex = new int[nodes];
        Arrays.fill(viewIndex, -1);
        viewTaints = new int[nodes];
        created = new boolean[n][nodes];
        syncKind = sim.registerKind("daemonset.syncNode", this::sync);
    }

    @Override
    public String name() {
        return "daemonset";
    }

    @Override
    public void nodeCreated(int node, long time) {
        if (probes.length > 0) {
            sim.schedule(time + watch.sample(rng) + controller.sample(rng), syncKind, node);
        }
    }

    @Override
    public void taintsChanged(int node, int before, int after, long time) {
        if (probes.length > 0 && cluster.topology().joins(node)) {
            sim.schedule(time + watch.sample(rng) + controller.sample(rng), syncKind, node);
        }
    }

    private void sync(int node, long now) {
        NodeObjects nodes = cluster.nodes();
        if (nodes.deleted(node) || !nodes.exists(node, now)) {
            return;
        }
        if (restarting.covers(now)) {
            sim.schedule(restarting.until(), syncKind, node);
            return;
        }
        int v = viewOf(node);
        for (int i = 0; i < probes.length; i++) {
            if (!created[i][node] && InitialPlacement.daemonSetEligible(probes[i], view, v)) {
                created[i][node] = true;
                int w = daemonSets[i];
                cluster.createDaemonPod(w, cluster.workloads().get(w).name() + "-" + nodes.name(node), node, now);
            }
        }
    }

    /** The node in the controller's view, its controller taints brought up to date. */
    private int viewOf(int node) {
        Topology topology = cluster.topology();
        if (viewIndex[node] < 0) {
            viewIndex[node] = view.addNode(topology.template(node), topology.name(node), topology.zoneLabel(node));
        }
        int v = viewIndex[node];
        int want = cluster.nodes().taints(node);
        for (int bit = 1; bit <= ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE; bit <<= 1) {
            boolean has = (viewTaints[node] & bit) != 0;
            if ((want & bit) != 0 && !has) {
                view.addTaint(v, ControllerTaints.key(bit), "", TaintEffects.ofControllerTaint(bit));
            } else if ((want & bit) == 0 && has) {
                view.removeTaint(v, ControllerTaints.key(bit), TaintEffects.ofControllerTaint(bit));
            }
        }
        viewTaints[node] = want;
        return v;
    }

    @Override
    public void restart(long now, long downtime) {
        restarting.begin(now, downtime);
    }
}
