package io.nodesim.cluster;

/**
 * Gives pods their deletion timestamp (the DELETE the taint-eviction controller or the legacy
 * node controller sends), records it, and publishes it on the {@link InformerBus}. The pod stays on its
 * node, Terminating, since a dead kubelet never confirms the deletion; its object goes only when
 * it is force-deleted (pod GC) or its kubelet comes back and confirms ({@link #remove}).
 */
public final class PodDeletions {
    private final ClusterState cluster;
    private final Samples samples;

    public PodDeletions(ClusterState cluster, Samples samples) {
        this.cluster = cluster;
        this.samples = samples;
    }

    /** Deletes the pod; false when it already had a deletion timestamp. */
    public boolean delete(int pod, long now, String reason) {
        return delete(pod, now, reason, false);
    }

    /**
     * A deletion that answers no node failure (the scheduler preempting the pod): neither a false
     * eviction nor a dead pod's deletion. False when it already had a deletion timestamp.
     */
    public boolean deleteForCapacity(int pod, long now, String reason) {
        return delete(pod, now, reason, true);
    }

    /**
     * Deletes the pod through the Eviction API: a voluntary disruption of a pod whose node is
     * known to be fine, so it is no false eviction.
     */
    public boolean evict(int pod, long now) {
        return delete(pod, now, "Evicted", true);
    }

    private boolean delete(int pod, long now, String reason, boolean voluntary) {
        PodTable pods = cluster.pods();
        if (pods.isDeleted(pod)) {
            return false;
        }
        int node = pods.node(pod);
        NodeObjects nodes = cluster.nodes();
        pods.setDeletedAt(pod, now);
        cluster.setPodReady(pod, false, now);
        if (voluntary) {
            // neither a false eviction nor the deletion of a dead pod
        } else if (node >= 0 && nodes.containersRunning(node) && pods.started(pod) && !pods.failed(pod)) {
            pods.markFalseEviction(pod);
        } else if (node >= 0) {
            samples.addSince(Samples.TIME_TO_DEAD_POD_DELETION, nodes.causeAt(node), now);
        }
        cluster.recorder().record(now, EventKind.PodDeleted, pods.name(pod), reason);
        if (node >= 0) {
            samples.addSince(Samples.TIME_TO_POD_DELETION, nodes.causeAt(node), now);
        }
        cluster.informers().podDeleted(pod, now);
        if (pods.failed(pod)) {
            // registry/core/pod strategy CheckGracefulDelete: a terminated pod is deleted at once
            remove(pod, now);
        }
        return true;
    }

    /** A deletion with grace period 0 (pod GC): the deletion timestamp, then the object is gone at once. */
    public void forceDelete(int pod, long now, String reason) {
        if (cluster.pods().isGone(pod)) {
            return;
        }
        delete(pod, now, reason);
        remove(pod, now);
    }

    /** The object of a deleted pod is removed from the API server. */
    public void remove(int pod, long now) {
        PodTable pods = cluster.pods();
        if (pods.isGone(pod)) {
            return;
        }
        pods.remove(pod, now);
        cluster.informers().podGone(pod, now);
    }
}
