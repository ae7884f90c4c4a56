package io.nodesim.cluster;

/**
 * Told when a node's API object changes in a way its watchers care about: a taint added or
 * removed, or the node deleted. The scheduler's cache follows nodes through this (one watch delay
 * later).
 */
@FunctionalInterface
public interface NodeChangeListener {
    void nodeChanged(int node, long time);
}
