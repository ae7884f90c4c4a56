package io.nodesim.autoscaler;

import io.nodesim.cluster.Condition;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.NodeGroup;

/**
 * The node counts of {@code clusterstate/clusterstate.go} {@code updateReadinessStats} for the whole
 * cluster and per group. A registered node (its Node object exists) is Ready when its Ready
 * condition is True and it has no not-ready taint ({@code utils/kubernetes/ready.go}
 * {@code GetNodeReadiness}: a node the node lifecycle controller has not untainted yet is not
 * Ready to cluster-autoscaler), NotStarted when it is not and was created less than {@link #MAX_NODE_STARTUP_TIME}
 * ago, else Unready; a machine asked for that has not registered is Unregistered, LongUnregistered
 * once max-node-provision-time has passed.
 */
final class ClusterReadiness {
    /** {@code clusterstate.MaxNodeStartupTime}. */
    static final long MAX_NODE_STARTUP_TIME = 15 * SimTime.MINUTE;

    /** Counts of one group or the cluster. */
    static final class Counts {
        int registered;
        int ready;
        int notStarted;
        int unready;
        int unregistered;
        int longUnregistered;

        void clear() {
            registered = 0;
            ready = 0;
            notStarted = 0;
            unready = 0;
            unregistered = 0;
            longUnregistered = 0;
        }

        /** {@code GetUpcomingNodes}: asked for and neither Ready, Unready nor given up. */
        int upcoming(int target) {
            return Math.max(0, target - ready - unready - longUnregistered);
        }

        /** {@code getProvisionedAndTargetSizesForNodeGroup}: registered and started. */
        int provisioned() {
            return registered - notStarted;
        }
    }

    enum State { ABSENT, READY, NOT_STARTED, UNREADY }

    private static final int NOT_READY_TAINTS = ControllerTaints.NOT_READY_NO_SCHEDULE
            | ControllerTaints.NOT_READY_NO_EXECUTE;

    final Counts total = new Counts();
    final Counts[] perGroup;

    ClusterReadiness(int groups) {
        perGroup = new Counts[groups];
        for (int g = 0; g < groups; g++) {
            perGroup[g] = new Counts();
        }
    }

    static State state(NodeObjects nodes, int node, long now) {
        if (nodes.deleted(node) || !nodes.exists(node, now)) {
            return State.ABSENT;
        }
        if (nodes.ready(node) == Condition.TRUE && !nodes.hasTaint(node, NOT_READY_TAINTS)) {
            return State.READY;
        }
        long created = nodes.createdAt(node);
        if (created != NodeGroup.BEFORE_START && created + MAX_NODE_STARTUP_TIME > now) {
            return State.NOT_STARTED;
        }
        return State.UNREADY;
    }

    void update(NodeObjects nodes, NodeGroupState[] groups, long now, long maxNodeProvisionTime) {
        total.clear();
        for (int n = 0; n < nodes.count(); n++) {
            add(total, state(nodes, n, now));
        }
        for (NodeGroupState g : groups) {
            Counts c = perGroup[g.index];
            c.clear();
            for (int k = 0; k < g.slots.length; k++) {
                State s = state(nodes, g.slots[k], now);
                add(c, s);
                if (s == State.ABSENT && g.requestedAt[k] != SimTime.NEVER && !nodes.deleted(g.slots[k])) {
                    boolean longAgo = g.requestedAt[k] + maxNodeProvisionTime < now;
                    if (longAgo) {
                        c.longUnregistered++;
                        total.longUnregistered++;
                    } else {
                        c.unregistered++;
                        total.unregistered++;
                    }
                }
            }
        }
    }

    private static void add(Counts c, State s) {
        switch (s) {
            case READY -> {
                c.registered++;
                c.ready++;
            }
            case NOT_STARTED -> {
                c.registered++;
                c.notStarted++;
            }
            case UNREADY -> {
                c.registered++;
                c.unready++;
            }
            default -> {
            }
        }
    }

    /**
     * {@code IsClusterHealthy}: false while more than ok-total-unready-count nodes and more than
     * max-total-unready-percentage of the registered nodes are Unready.
     */
    static boolean healthy(int unready, int registered, int okTotalUnreadyCount, double maxTotalUnreadyPercentage) {
        return !(unready > okTotalUnreadyCount && unready > maxTotalUnreadyPercentage / 100.0 * registered);
    }
}
