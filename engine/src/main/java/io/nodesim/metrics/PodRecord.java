package io.nodesim.metrics;

/**
 * A row of pods.csv: a pod that was marked not ready, deleted, or stood on a faulted node.
 *
 * @param falseEviction the pod was deleted while its containers were still running (partition,
 *     delayed heartbeats, control-plane stall)
 * @param replacementUnschedulableAt when the scheduler first found no node for the replacement (it
 *     then waited for capacity until its scheduling); NEVER when it never did
 */
public record PodRecord(
        String pod,
        String workload,
        String node,
        long notReadyAt,
        long deletedAt,
        String replacementPod,
        String replacementNode,
        long replacementCreatedAt,
        long replacementScheduledAt,
        long replacementReadyAt,
        boolean falseEviction,
        long replacementUnschedulableAt) {

    /** A row whose replacement (if any) never waited for a node. */
    public PodRecord(String pod, String workload, String node, long notReadyAt, long deletedAt, String replacementPod,
            String replacementNode, long replacementCreatedAt, long replacementScheduledAt, long replacementReadyAt,
            boolean falseEviction) {
        this(pod, workload, node, notReadyAt, deletedAt, replacementPod, replacementNode, replacementCreatedAt,
                replacementScheduledAt, replacementReadyAt, falseEviction, io.nodesim.kernel.SimTime.NEVER);
    }
}
