package io.nodesim.kubelet;

/** Told when a kubelet's NodeStatus write lands in the API server (before any watch delay). */
@FunctionalInterface
public interface NodeStatusListener {
    void nodeStatusWritten(int node, long time);
}
