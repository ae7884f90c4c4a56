package io.nodesim.cluster;

/** Told when a node's NoExecute taints change (the taint-eviction controller watches for this). */
@FunctionalInterface
public interface TaintListener {
    void noExecuteTaintsChanged(int node, long time);
}
