package io.nodesim.cluster;

/**
 * Told when a pod gets its deletion timestamp and when its API object is finally removed: the
 * seam through which the workload controllers and the scheduler's cache learn of pod deletions.
 */
public interface PodListener {
    /** The pod got its deletion timestamp (it may stay Terminating on its node for a long time). */
    void podDeleted(int pod, long time);

    /** The pod's API object is gone (force-deleted, or the kubelet confirmed the deletion). */
    void podGone(int pod, long time);
}
