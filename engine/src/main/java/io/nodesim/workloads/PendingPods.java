package io.nodesim.workloads;

/** Where a created pod goes to be scheduled: the scheduler's queue (its informer's pod add). */
@FunctionalInterface
public interface PendingPods {
    void submit(int pod, long now);
}
