package io.nodesim.cluster;

/**
 * A subscriber to the Pod writes of the API server ({@link InformerBus}), told at the instant of
 * the write; an informer adds its own watch delay by scheduling an event. Each method is a no-op
 * unless overridden.
 */
public interface PodWatcher {
    /** A controller created the pod (Pending, no node). */
    default void podCreated(int pod, long time) {
    }

    /** The pod's binding to its node completed. */
    /** The scheduler wrote the pod's PodScheduled=False (Unschedulable) condition: no node fits it. */
    default void podUnschedulable(int pod, long time) {
    }

    default void podBound(int pod, long time) {
    }

    /** The pod got its deletion timestamp (it may stay Terminating on its node for a long time). */
    default void podDeleted(int pod, long time) {
    }

    /** The pod's phase turned Failed (its kubelet terminated it; the object stays). */
    default void podFailed(int pod, long time) {
    }

    /** The pod's API object is gone (force-deleted, or the kubelet confirmed the deletion). */
    default void podGone(int pod, long time) {
    }
}
