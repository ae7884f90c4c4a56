package io.nodesim.autoscaler;

import io.nodesim.cluster.NodeObjects;
import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.NodeGroup;
import java.util.Arrays;

/**
 * One autoscaled pool as cluster-autoscaler and the cloud provider see it: its target size
 * ({@code NodeGroup.TargetSize}), which of its node slots hold a machine, the scale-up request in
 * flight ({@code clusterstate.ScaleUpRequest}) and the group's backoff
 * ({@code utils/backoff/exponential_backoff.go}: the initial duration, doubled for a failure within
 * {@link #BACKOFF_RESET_TIMEOUT} of the previous backoff's end, at most the max duration).
 */
final class NodeGroupState {
    /** {@code --node-group-backoff-reset-timeout}'s default. */
    static final long BACKOFF_RESET_TIMEOUT = 3 * SimTime.HOUR;

    final int index;
    final NodeGroup group;
    /** The group's node indices, in member order. */
    final int[] slots;
    /** Per slot: when the cloud was asked for its machine (NEVER: no machine asked for, or it was given up). */
    final long[] requestedAt;
    /** Per slot: the pending registration of a machine that has not registered yet. */
    final long[] registration;
    int target;
    int requestIncrease;
    long requestTime = SimTime.NEVER;
    long expectedAddTime = SimTime.NEVER;
    long backoffUntil = SimTime.NEVER;
    long backoffDuration;

    NodeGroupState(int index, NodeGroup group, int[] slots) {
        this.index = index;
        this.group = group;
        this.slots = slots;
        requestedAt = new long[slots.length];
        Arrays.fill(requestedAt, SimTime.NEVER);
        registration = new long[slots.length];
        Arrays.fill(registration, EventQueue.NO_HANDLE);
        target = group.count();
    }

    int max() {
        return group.autoscaling().max();
    }

    int min() {
        return group.autoscaling().min();
    }

    /** The first slot that never held a machine, or -1. */
    int freeSlot(NodeObjects nodes) {
        for (int k = 0; k < slots.length; k++) {
            if (requestedAt[k] == SimTime.NEVER && nodes.createdAt(slots[k]) == NodeGroup.ON_DEMAND) {
                return k;
            }
        }
        return -1;
    }

    boolean hasRequest() {
        return requestTime != SimTime.NEVER;
    }

    /** {@code ClusterStateRegistry.RegisterScaleUp}: a new request, or the old one grown and its clock reset. */
    void registerScaleUp(int delta, long now, long maxNodeProvisionTime) {
        requestIncrease = hasRequest() ? requestIncrease + delta : delta;
        requestTime = now;
        expectedAddTime = now + maxNodeProvisionTime;
    }

    void clearRequest() {
        requestIncrease = 0;
        requestTime = SimTime.NEVER;
        expectedAddTime = SimTime.NEVER;
    }

    boolean backedOff(long now) {
        return backoffUntil != SimTime.NEVER && now < backoffUntil;
    }

    void backoff(long now, long initial, long maxDuration) {
        long duration = initial;
        if (backoffUntil != SimTime.NEVER && backoffUntil + BACKOFF_RESET_TIMEOUT > now) {
            duration = Math.min(2 * backoffDuration, maxDuration);
        }
        backoffDuration = duration;
        backoffUntil = now + duration;
    }

    void removeBackoff() {
        backoffUntil = SimTime.NEVER;
        backoffDuration = 0;
    }
}
