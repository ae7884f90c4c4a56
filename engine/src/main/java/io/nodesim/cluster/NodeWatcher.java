package io.nodesim.cluster;

/**
 * A subscriber to the Node writes of the API server ({@link InformerBus}), told at the instant of
 * the write; an informer adds its own watch delay by scheduling an event. Each method is a no-op
 * unless overridden, so a watcher names only what it reacts to.
 */
public interface NodeWatcher {
    /** A Node object was created during the run (the kubelet registered it). */
    default void nodeCreated(int node, long time) {
    }

    /** The Node's Ready condition was written (by its kubelet, or Unknown by the node controller). */
    default void nodeStatusWritten(int node, long time) {
    }

    /** The controller-managed taints ({@link ControllerTaints} bits) went from {@code before} to {@code after}. */
    default void taintsChanged(int node, int before, int after, long time) {
    }

    /** The Node's {@code spec.unschedulable} changed ({@link NodeObjects#cordoned}). */
    default void nodeSpecChanged(int node, long time) {
    }

    /** The Node object was deleted. */
    default void nodeDeleted(int node, long time) {
    }
}
