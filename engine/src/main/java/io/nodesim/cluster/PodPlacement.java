package io.nodesim.cluster;

/**
 * Chooses the node of each pod that exists at t = 0. The real kube-scheduler model replaces the
 * default {@link SpreadPlacement} without touching any controller.
 */
public interface PodPlacement {
    /**
     * The node for the {@code replica}-th pod of {@code workload}, or -1 when no node fits.
     * {@code nodeName} is the pod's {@code spec.nodeName} (null when unset) and must be respected.
     */
    int place(WorkloadInfo workload, int replica, String nodeName, ClusterState cluster);
}
