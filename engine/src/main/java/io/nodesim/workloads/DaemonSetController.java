package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.NodeWatcher;
import io.nodesim.cluster.PodTable;
import io.nodesim.controllermanager.Controller;
import io.nodesim.controllermanager.Downtime;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.Simulation;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The DaemonSet controller's recreation of a daemon pod whose object is gone from a node that still
 * exists ({@code pkg/controller/daemon/daemon_controller.go} {@code podsShouldBeOnNode}: "shouldRun
 * && !exists" creates a pod; a Terminating pod still counts as existing, so nothing is created
 * until its object is gone). {@code nodeShouldRunDaemonPod} checks the node's NoSchedule and
 * NoExecute taints against the pod's tolerations: a node with the out-of-service taint, or
 * NotReady with its not-ready NoSchedule taint, gets no pod until the taint is removed; each node
 * update (taints, Ready condition) reaches the controller one watch delay later and its sync takes
 * {@code latencies.controller}. The new pod replaces the gone one on the same node (the scheduler
 * pins it there by node affinity, as the DaemonSet controller does since ScheduleDaemonSetPods).
 */
public final class DaemonSetController implements Controller, NodeWatcher {
    /** Whether the DaemonSet's pod fits the node's taints now (the controller's predicates). */
    public interface NodeFit {
        boolean fits(int workload, int node);
    }

    private final Simulation sim;
    private final ClusterState cluster;
    private final NodeFit fit;
    private final DurationDistribution watch;
    private final DurationDistribution controller;
    private final RandomGenerator rng;
    private final int syncKind;
    /** Per node, the last gone daemon pod of each DaemonSet still without a successor (-1: none). */
    private final int[][] missing;
    private final int[] generation;
    private final Downtime restarting = new Downtime();

    public DaemonSetController(Simulation sim, ClusterState cluster, NodeFit fit, DurationDistribution watch,
            DurationDistribution controller, RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
        this.fit = fit;
        this.watch = watch;
        this.controller = controller;
        this.rng = rng;
        int workloads = cluster.workloads().size();
        missing = new int[cluster.nodes().count()][];
        generation = new int[workloads];
        syncKind = sim.registerKind("daemonset.syncNode", this::syncNode);
    }

    @Override
    public String name() {
        return "daemonset-controller";
    }

    @Override
    public void restart(long now, long downtime) {
        restarting.begin(now, downtime);
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
    public void taintsChanged(int node, int before, int after, long time) {
        if (missing[node] != null) {
            queue(node, time);
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
}
