package io.nodesim.cluster;

/**
 * Gives pods their deletion timestamp (the DELETE the taint-eviction controller or the legacy
 * node controller sends), records it, and tells the {@link PodListener}. The pod stays on its node,
 * Terminating, since a dead kubelet never confirms the deletion.
 */
public final class PodDeletions {
    private final ClusterState cluster;
    private final Samples samples;
    private PodListener listener = (pod, time) -> { };
    private int falseEvictions;

    public PodDeletions(ClusterState cluster, Samples samples) {
        this.cluster = cluster;
        this.samples = samples;
    }

    public void setListener(PodListener listener) {
        this.listener = listener;
    }

    public int falseEvictions() {
        return falseEvictions;
    }

    /** Deletes the pod; false when it already had a deletion timestamp. */
    public boolean delete(int pod, long now, String reason) {
        PodTable pods = cluster.pods();
        if (pods.isDeleted(pod)) {
            return false;
        }
        int node = pods.node[pod];
        NodeTable nodes = cluster.nodes();
        pods.deletedAt[pod] = now;
        cluster.setPodReady(pod, false, now);
        if (nodes.containersRunning[node]) {
            pods.falseEviction[pod] = true;
            falseEvictions++;
        } else {
            samples.addSince(Samples.TIME_TO_DEAD_POD_DELETION, nodes.causeAt[node], now);
        }
        cluster.recorder().record(now, EventKind.PodDeleted, pods.name(pod), reason);
        samples.addSince(Samples.TIME_TO_POD_DELETION, nodes.causeAt[node], now);
        listener.podDeleted(pod, now);
        return true;
    }
}
