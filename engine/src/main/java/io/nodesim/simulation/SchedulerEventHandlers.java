package io.nodesim.simulation;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.NodeWatcher;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.PodWatcher;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.EventKind;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.Simulation;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.TaintEffects;
import io.nodesim.scheduler.ScheduleResult;
import io.nodesim.scheduler.preemption.AssignedPods;
import io.nodesim.scheduler.SchedulerConfiguration;
import io.nodesim.scheduler.preemption.DefaultPreemption;
import io.nodesim.scheduler.preemption.DisruptionBudgets;
import io.nodesim.scheduler.queue.SchedulerLoop;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The live kube-scheduler's informers ({@code pkg/scheduler/eventhandlers.go}): node updates (the
 * node controllers' NoSchedule / NoExecute taints, the out-of-service taint, node deletion) reach
 * its cache one watch delay later; a taint removed is a cluster event that moves the unschedulable
 * pods back to the queues, as do a Node created during the run and an uncordon. A pod's deletion timestamp reaches the cache one watch delay later
 * ({@code updatePodInCache}): the pod turns Terminating there, keeps its resources but no longer
 * counts for PodTopologySpread; that update is no cluster event the default plugins register for
 * (an {@code AssignedPod/updatePodOther} event: PodTopologySpread and InterPodAffinity register
 * Pod Add, UpdatePodLabel and Delete), so it moves no pod. The pod's object gone reaches the cache
 * on the same watch, never before its update, and is a cluster event (Pod Delete). New pods enter
 * the scheduling queue. Bindings go to the cluster and to the kubelet's start-up. A preemption
 * deletes its victims gracefully (their kubelet's PodTermination); each one is a {@code PodPreempted} event.
 */
final class SchedulerEventHandlers implements NodeWatcher, PodWatcher, SchedulerLoop.Listener {
    static final int[] BITS = {ControllerTaints.UNREACHABLE_NO_SCHEDULE, ControllerTaints.NOT_READY_NO_SCHEDULE,
        ControllerTaints.UNREACHABLE_NO_EXECUTE, ControllerTaints.NOT_READY_NO_EXECUTE, ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE};

    private final Simulation sim;
    private final ClusterState cluster;
    private final SchedulerPlacement placement;
    private final SchedulerCache nodes;
    private final SchedulerLoop loop;
    private final AssignedPods assigned;
    private final PodDeletions deletions;
    private final DurationDistribution watch;
    private final RandomGenerator rng;
    private final int nodeSyncKind;
    private final int podGoneKind;
    private final int podTerminatingKind;
    private final int[] knownTaints;
    private final boolean[] knownCordons;
    private CompiledPod[] templateOf;
    /** Per pod: when its deletion timestamp reaches the cache (0: never deleted), and whether it has. */
    private long[] terminatingAt;
    private boolean[] terminating;
    /** Per pod: bound by its spec.nodeName to a node the cache does not hold yet (added when it does). */
    private boolean[] awaitingNode;

    SchedulerEventHandlers(Simulation sim, ClusterState cluster, SchedulerPlacement placement,
            DurationDistribution cycle, DurationDistribution binding, DurationDistribution watch,
            RandomGenerator loopRng, RandomGenerator rng, PodDeletions deletions, DisruptionBudgets budgets,
            RandomGenerator preemptionRng) {
        this.sim = sim;
        this.cluster = cluster;
        this.placement = placement;
        this.nodes = placement.nodes();
        this.watch = watch;
        this.rng = rng;
        this.deletions = deletions;
        knownTaints = new int[cluster.nodes().count()];
        knownCordons = new boolean[cluster.nodes().count()];
        PodTable pods = cluster.pods();
        templateOf = new CompiledPod[Math.max(16, pods.count())];
        assigned = new AssignedPods(nodes.pods());
        for (int p = 0; p < pods.count(); p++) {
            templateOf[p] = placement.podTemplate(p);
            if (pods.node(p) >= 0) {
                assigned.track(p, templateOf[p], pods.node(p), 0);
            }
        }
        SchedulerConfiguration config = placement.scheduler().configuration();
        DefaultPreemption preemption = config.preempts() ? new DefaultPreemption(placement.scheduler(), assigned,
                budgets, config.preemption(), preemptionRng) : null;
        this.loop = new SchedulerLoop(sim, placement.scheduler(), cycle, binding, loopRng, this, assigned, preemption);
        nodeSyncKind = sim.registerKind("scheduler.nodeInformer", this::syncNode);
        terminatingAt = new long[templateOf.length];
        terminating = new boolean[templateOf.length];
        awaitingNode = new boolean[templateOf.length];
        podGoneKind = sim.registerKind("scheduler.podDeleted", this::forgetPod);
        podTerminatingKind = sim.registerKind("scheduler.podTerminating", this::markTerminating);
    }

    /** The pods nothing fitted at t = 0 wait in the queue from the start. */
    void queueInitialPending() {
        PodTable pods = cluster.pods();
        for (int p = 0; p < pods.count(); p++) {
            if (pods.node(p) < 0 && templateOf[p].nodeName == null) {
                loop.submit(p, templateOf[p]);
            }
        }
    }

    @Override
    public void podCreated(int pod, long now) {
        if (pod >= templateOf.length) {
            int c = PodTable.capacityFor(pod, templateOf.length);
            templateOf = Arrays.copyOf(templateOf, c);
            terminatingAt = Arrays.copyOf(terminatingAt, c);
            terminating = Arrays.copyOf(terminating, c);
            awaitingNode = Arrays.copyOf(awaitingNode, c);
        }
        templateOf[pod] = placement.templateOf(cluster, pod);
        loop.submit(pod, templateOf[pod]);
    }

    @Override
    public void nodeCreated(int node, long time) {
        watchNode(node, time);
    }

    @Override
    public void taintsChanged(int node, int before, int after, long time) {
        watchNode(node, time);
    }

    @Override
    public void nodeSpecChanged(int node, long time) {
        watchNode(node, time);
    }

    @Override
    public void nodeDeleted(int node, long time) {
        watchNode(node, time);
    }

    private void watchNode(int node, long time) {
        sim.schedule(time + watch.sample(rng), nodeSyncKind, node);
    }

    private void syncNode(int node, long now) {
        if (cluster.nodes().deleted(node)) {
            if (nodes.isAlive(node)) {
                nodes.removeNode(node);
            }
            return;
        }
        boolean removed = false;
        if (!nodes.isAlive(node)) {
            // A node created during the run: the Node add event, which re-queues unschedulable pods.
            nodes.restoreNode(node);
            removed = true;
            addPodsBoundByNodeName(node);
        }
        int want = cluster.nodes().taints(node);
        int have = knownTaints[node];
        for (int bit : BITS) {
            if ((want & bit) != 0 && (have & bit) == 0) {
                nodes.addTaint(node, ControllerTaints.key(bit), "", TaintEffects.ofControllerTaint(bit));
            } else if ((want & bit) == 0 && (have & bit) != 0) {
                nodes.removeTaint(node, ControllerTaints.key(bit), TaintEffects.ofControllerTaint(bit));
                removed = true;
            }
        }
        knownTaints[node] = want;
        boolean cordoned = cluster.nodes().cordoned(node);
        if (cordoned != knownCordons[node]) {
            knownCordons[node] = cordoned;
            nodes.setUnschedulable(node, cordoned);
            removed |= !cordoned;
        }
        if (removed) {
            loop.onClusterEvent();
        }
    }

    @Override
    public void podDeleted(int pod, long time) {
        if (cluster.pods().node(pod) >= 0) {
            terminatingAt[pod] = time + watch.sample(rng);
            sim.schedule(terminatingAt[pod], podTerminatingKind, pod);
        }
    }

    /**
     * A pod bound by its spec.nodeName by the node's kubelet, not by this scheduler (kubelet/NodeNamePods):
     * the cache adds it, or, while it does not hold the node yet, when the node's add event arrives
     * (upstream's cache keeps a NodeInfo for pods of an unknown node).
     */
    @Override
    public void podBound(int pod, long time) {
        if (templateOf[pod] == null || templateOf[pod].nodeName == null) {
            return;
        }
        int node = cluster.pods().node(pod);
        if (nodes.isAlive(node)) {
            assigned.add(pod, templateOf[pod], node, time);
        } else {
            awaitingNode[pod] = true;
        }
    }

    private void addPodsBoundByNodeName(int node) {
        PodTable pods = cluster.pods();
        for (int p = pods.firstOnNode(node); p >= 0; p = pods.nextOnNode(p)) {
            if (p < awaitingNode.length && awaitingNode[p]) {
                awaitingNode[p] = false;
                assigned.add(p, templateOf[p], node, sim.now());
                if (terminating[p]) {
                    assigned.markTerminating(p);
                }
            }
        }
    }

    private void markTerminating(int pod, long now) {
        if (awaitingNode[pod]) {
            terminating[pod] = true;
            return;
        }
        assigned.markTerminating(pod);
        terminating[pod] = true;
    }

    @Override
    public void podGone(int pod, long time) {
        // one watch stream per resource: the object's removal never overtakes its deletion timestamp
        sim.schedule(Math.max(time + watch.sample(rng), terminatingAt[pod]), podGoneKind, pod);
    }

    private void forgetPod(int pod, long now) {
        int node = cluster.pods().node(pod);
        if (node < 0) {
            loop.forget(pod);
            return;
        }
        if (awaitingNode[pod]) {
            awaitingNode[pod] = false;
            return;
        }
        assigned.remove(pod);
        loop.onClusterEvent();
    }

    @Override
    public void bound(int pod, int node, long time) {
        cluster.bindPod(pod, node, time);
    }

    /** prepareCandidate: each victim is deleted with its grace period, the preemptor named in the event. */
    @Override
    public void preempted(int preemptor, int node, int[] victims, long time) {
        PodTable pods = cluster.pods();
        for (int v : victims) {
            cluster.recorder().record(time, EventKind.PodPreempted, pods.name(v), pods.name(preemptor));
            // its kubelet ends it after its grace period (kubelet/PodTermination watches the deletion)
            deletions.deleteForCapacity(v, time, "Preempted by " + pods.name(preemptor) + " on node "
                    + cluster.nodes().name(node));
        }
    }

    @Override
    public void unschedulable(int pod, ScheduleResult result, long time) {
        // The pod waits in the unschedulable pool; cluster-autoscaler reads its PodScheduled condition.
        cluster.podUnschedulable(pod, time);
        if (cluster.recorder().enabled()) {
            cluster.recorder().record(time, EventKind.FailedScheduling, cluster.pods().name(pod), result.message());
        }
    }
}
