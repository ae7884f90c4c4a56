package io.nodesim.cluster;

/**
 * Told when a pod gets its deletion timestamp: the seam where the workload controllers (issue 5)
 * create replacements. The model of this issue registers none.
 */
@FunctionalInterface
public interface PodListener {
    void podDeleted(int pod, long time);
}
