package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.NodeTable;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.Taints;

/**
 * The worker behind every zone queue, run every 100 ms: {@code doNoExecuteTaintingPass} of
 * node_lifecycle_controller.go (taint path), or {@code doEvictionPass} of the ~1.12 controller
 * (legacy path, which deletes the node's pods instead). A token is spent before the head is looked
 * at, so a head that turns out Ready costs one.
 */
final class ZoneTaintingWorker {
    private final ClusterState cluster;
    private final NodeTable nodes;
    private final NodeLifecycleSettings settings;
    private final ZoneQueues queues;
    private final TaintWriter taints;
    private final PodDeletions deletions;
    /** The controller's node informer cache of the Ready condition (the nodeLister). */
    private final byte[] observedReady;

    ZoneTaintingWorker(ClusterState cluster, NodeLifecycleSettings settings, ZoneQueues queues, TaintWriter taints,
            PodDeletions deletions, byte[] observedReady) {
        this.cluster = cluster;
        this.nodes = cluster.nodes();
        this.settings = settings;
        this.queues = queues;
        this.taints = taints;
        this.deletions = deletions;
        this.observedReady = observedReady;
    }

    /** Each zone's queue takes tokens and taints (or evicts) the nodes at its head. */
    void tick(long now) {
        for (int z = 0; z < queues.zones(); z++) {
            RateLimitedTimedQueue q = queues.queue(z);
            while (q.size() > 0 && q.tryAccept(now)) {
                int node = q.head();
                if (!(settings.taintBased() ? taintNode(node, now) : evictPods(node, now))) {
                    break;
                }
                queues.processed(node);
            }
        }
    }

    private boolean taintNode(int node, long now) {
        if (nodes.deleted[node]) {
            return true;
        }
        int wanted = Taints.noExecuteFor(observedReady[node]);
        if (wanted == 0) {
            return true;
        }
        int opposite = Taints.NODE_CONTROLLER_NO_EXECUTE & ~wanted;
        return taints.swap(node, wanted, opposite, now);
    }

    /** {@code DeletePods}: every pod of the node except DaemonSet pods, at once. */
    private boolean evictPods(int node, long now) {
        if (!cluster.controlPlane().isUp(now)) {
            return false;
        }
        PodTable pods = cluster.pods();
        for (int p = nodes.firstPod[node]; p >= 0; p = pods.nextOnNode[p]) {
            if (!cluster.workloadOf(p).daemonSet()) {
                deletions.delete(p, now, "NodeControllerEviction");
            }
        }
        return true;
    }
}
