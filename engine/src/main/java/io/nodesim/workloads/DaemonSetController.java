package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.NodeWatcher;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;
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
 * The DaemonSet controller ({@code pkg/controller/daemon/daemon_controller.go}
 * {@code podsShouldBeOnNode}: "shouldRun && !exists" creates a pod) for two cases the nodes of t = 0
 * do not cover. {@code nodeShouldRunDaemonPod} checks the node's NoSchedule and NoExecute taints against
 * the pod's tolerations (its own plus those the controller adds, {@code admission.DaemonSetTolerations});
 * each node update reaches the controller one watch delay later and its sync takes
 * {@code latencies.controller}. Every pod it creates is pinned to its node by node affinity, as the
 * controller does since ScheduleDaemonSetPods.
 * <ul>
 *   <li>A daemon pod whose object is gone from a node that still exists gets a successor on that node
 *       once the node fits again (a Terminating pod still counts as existing): a node with the
 *       out-of-service taint, or NotReady with its not-ready NoSchedule taint, gets none until the
 *       taint is removed ({@link NodeFit}).</li>
 *   <li>A node that joins during the run (a joinAt node or one cluster-autoscaler added) gets a pod of
 *       every DaemonSet whose nodeSelector and required node affinity it matches and whose pod
 *       tolerates its taints at that moment, its not-ready taint included: a DaemonSet that tolerates
 *       everything (the usual kube-proxy, CNI or log agent) gets its pod on the Node add, scheduled
 *       before the node is Ready, and takes its room before the Pending pods that wait for the taint to
 *       go; one that does not gets its pod when the taint goes, and races the Pending pods for the
 *       room.</li>
 * </ul>
 */
public final class DaemonSetController implements Controller, NodeWatcher {
    /** Whether the DaemonSet's pod fits the node's taints now (the controller's predicates). */
    public interface NodeFit {
        boolean fits(int workload, int node);
    }

    private final Simulation sim;
    private final ClusterState cluster;
    private final NodeFit fit;
    private final PodDeletions deletions;
    private final DurationDistribution watch;
    private final DurationDistribution controller;
    private final RandomGenerator rng;
    private final int syncKind;
    private final int deleteFailedKind;
    private final int joinedSyncKind;
    /** Per node, the last gone daemon pod of each DaemonSet still without a successor (-1: none). */
    private final int[][] missing;
    private final int[] generation;
    private final Downtime restarting = new Downtime();
    private final JoinedNodes joined;

    public DaemonSetController(Simulation sim, ClusterState cluster, Scenario scenario, NodeFit fit,
            PodDeletions deletions, DurationDistribution watch, DurationDistribution controller, RandomGenerator rng) {
        this.sim = sim;
        this.deletions = deletions;
        this.cluster = cluster;
        this.fit = fit;
        this.watch = watch;
        this.controller = controller;
        this.rng = rng;
        int workloads = cluster.workloads().size();
        missing = new int[cluster.nodes().count()][];
        generation = new int[workloads];
        joined = new JoinedNodes(scenario, cluster);
        syncKind = sim.registerKind("daemonset.syncNode", this::syncNode);
        deleteFailedKind = sim.registerKind("daemonset.deleteFailed", this::deleteFailed);
        joinedSyncKind = sim.registerKind("daemonset.syncJoinedNode", this::syncJoinedNode);
    }

    @Override
    public String name() {
        return "daemonset-controller";
    }

    @Override
    public void restart(long now, long downtime) {
        restarting.begin(now, downtime);
    }

    /**
     * A daemon pod failed ({@code podsShouldBeOnNode}: "If a daemon pod failed, delete it"): the
     * sync one watch delay later deletes it, and a terminated pod's object goes at once.
     */
    void podFailed(int pod, long now) {
        sim.schedule(now + watch.sample(rng) + controller.sample(rng), deleteFailedKind, pod);
    }

    private void deleteFailed(int pod, long now) {
        if (restarting.covers(now)) {
            sim.schedule(restarting.until() + controller.sample(rng), deleteFailedKind, pod);
            return;
        }
        deletions.delete(pod, now, "DaemonSet: Failed pod");
    }

    /** A daemon pod's object is gone: its node needs a new one once it fits. */
    void podGone(int pod, long now) {
        PodTable pods = cluster.pods();
        int node = pods.node(pod);
        if (node < 0 || cluster.nodes().deleted(node)) {
            return;
        }
        if (missing[node] == null) {
            missing[node] = new int[cluster.workloads().size()];
            Arrays.fill(missing[node], -1);
        }
        missing[node][pods.workload(pod)] = pod;
        queue(node, now);
    }

    @Override
    public void nodeCreated(int node, long time) {
        if (joined.any()) {
            sim.schedule(time + watch.sample(rng) + controller.sample(rng), joinedSyncKind, node);
        }
    }

    @Override
    public void taintsChanged(int node, int before, int after, long time) {
        if (missing[node] != null) {
            queue(node, time);
        }
        if (joined.any() && cluster.topology().joins(node)) {
            sim.schedule(time + watch.sample(rng) + controller.sample(rng), joinedSyncKind, node);
        }
    }

    @Override
    public void nodeStatusWritten(int node, long time) {
        if (missing[node] != null) {
            queue(node, time);
        }
    }

    private void queue(int node, long now) {
        sim.schedule(now + watch.sample(rng) + controller.sample(rng), syncKind, node);
    }

    private void syncNode(int node, long now) {
        if (restarting.covers(now)) {
            sim.schedule(restarting.until() + controller.sample(rng), syncKind, node);
            return;
        }
        NodeObjects nodes = cluster.nodes();
        int[] gone = missing[node];
        if (gone == null || nodes.deleted(node)) {
            return;
        }
        boolean left = false;
        for (int w = 0; w < gone.length; w++) {
            if (gone[w] < 0) {
                continue;
            }
            if (!fit.fits(w, node)) {
                left = true;
                continue;
            }
            String name = cluster.workloads().get(w).name() + "-" + nodes.name(node) + "-" + (++generation[w]);
            cluster.createPod(w, name, gone[w], now);
            gone[w] = -1;
        }
        if (!left) {
            missing[node] = null;
        }
    }

    private void syncJoinedNode(int node, long now) {
        NodeObjects nodes = cluster.nodes();
        if (nodes.deleted(node) || !nodes.exists(node, now)) {
            return;
        }
        if (restarting.covers(now)) {
            sim.schedule(restarting.until() + controller.sample(rng), joinedSyncKind, node);
            return;
        }
        joined.sync(node, now);
    }

    /**
     * The controller's view of the joined nodes (labels, template taints, controller taints) and which
     * DaemonSets have a pod on each.
     */
    private static final class JoinedNodes {
        private final ClusterState cluster;
        private final SchedulerCache view = new SchedulerCache();
        private final int[] daemonSets;
        private final CompiledPod[] probes;
        private final int[] viewIndex;
        private final int[] viewTaints;
        private final boolean[][] created;

        JoinedNodes(Scenario scenario, ClusterState cluster) {
            this.cluster = cluster;
            PodCompiler compiler = new PodCompiler(view, scenario.kubeScheduler().sidecarHostPorts(),
                    NamespaceLabels.of(scenario.namespaces(), scenario.kubernetesVersion()),
                    scenario.kubernetesVersion());
            int[] ds = new int[scenario.workloads().size()];
            int n = 0;
            for (int w = 0; w < scenario.workloads().size(); w++) {
                if ("DaemonSet".equals(scenario.workloads().get(w).kind())) {
                    ds[n++] = w;
                }
            }
            daemonSets = Arrays.copyOf(ds, n);
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
        }

        boolean any() {
            return probes.length > 0;
        }

        void sync(int node, long now) {
            int v = viewOf(node);
            for (int i = 0; i < probes.length; i++) {
                if (!created[i][node] && InitialPlacement.daemonSetEligible(probes[i], view, v)) {
                    created[i][node] = true;
                    int w = daemonSets[i];
                    cluster.createDaemonPod(w, cluster.workloads().get(w).name() + "-" + cluster.nodes().name(node),
                            node, now);
                }
            }
        }

        /** The node in the view, its controller taints brought up to date. */
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
    }
}
