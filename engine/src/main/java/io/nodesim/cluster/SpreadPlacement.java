package io.nodesim.cluster;

/**
 * The stand-in scheduler: pods go round-robin over the nodes, continuing where the previous
 * workload stopped, so every node gets an even share. Deterministic: no random stream.
 */
public final class SpreadPlacement implements PodPlacement {
    private int cursor;

    @Override
    public int place(WorkloadInfo workload, int replica, String nodeName, ClusterState cluster) {
        NodeTable nodes = cluster.nodes();
        if (nodeName != null) {
            return cluster.nodeIndex(nodeName);
        }
        if (nodes.count == 0) {
            return -1;
        }
        int n = cursor;
        cursor = (cursor + 1) % nodes.count;
        return n;
    }
}
