package io.nodesim.nodelifecycle;

import io.nodesim.cluster.Condition;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.NodeObjects;

/**
 * What a monitor pass decides for a node from its Ready condition, in node_lifecycle_controller.go:
 * {@code processTaintBaseEviction} (swap the opposite NoExecute taint at once, else queue the node
 * for its zone's tainting loop: {@code markNodeForTainting}; a Ready node is made reachable again:
 * {@code markNodeAsReachable}), or on the ~1.12 path the pod-eviction-timeout check that queues the
 * node's pods for deletion ({@code evictPods} / {@code cancelPodEviction}).
 */
final class EvictionDecisions {
    private final NodeLifecycleSettings settings;
    private final NodeObjects nodes;
    private final TaintWriter taints;
    private final ZoneQueues queues;
    private final ZoneTaintingWorker tainter;

    EvictionDecisions(NodeLifecycleSettings settings, NodeObjects nodes, TaintWriter taints, ZoneQueues queues,
            ZoneTaintingWorker tainter) {
        this.settings = settings;
        this.nodes = nodes;
        this.taints = taints;
        this.queues = queues;
        this.tainter = tainter;
    }

    /** {@code processTaintBaseEviction} for the condition the pass acts on; {@code pass} orders the queue. */
    void taintBased(int i, byte condition, long pass, long now) {
        switch (condition) {
            case Condition.FALSE -> swapOrQueue(i, ControllerTaints.NOT_READY_NO_EXECUTE,
                    ControllerTaints.UNREACHABLE_NO_EXECUTE, pass, now);
            case Condition.UNKNOWN -> swapOrQueue(i, ControllerTaints.UNREACHABLE_NO_EXECUTE,
                    ControllerTaints.NOT_READY_NO_EXECUTE, pass, now);
            default -> reachable(i, now);
        }
    }

    /** The opposite NoExecute taint is swapped at once; otherwise (re-)queue: markNodeForTainting. */
    private void swapOrQueue(int i, int wanted, int opposite, long pass, long now) {
        if (nodes.hasTaint(i, opposite)) {
            taints.swap(i, wanted, opposite, now);
            return;
        }
        if (!nodes.hasTaint(i, wanted)) {
            queues.remove(i);
        }
        if (queues.add(i, pass)) {
            tainter.workQueued(now);
        }
    }

    /** {@code markNodeAsReachable}: the NoExecute taints go, and the node leaves its queue. */
    void reachable(int i, long now) {
        if (taints.swap(i, 0, ControllerTaints.NODE_CONTROLLER_NO_EXECUTE, now)) {
            queues.remove(i);
        }
    }

    /**
     * The ~1.12 path: queue the node's pods for deletion once {@code pod-eviction-timeout} has passed
     * since its Ready condition turned False ({@code readyTransition}) or its last heartbeat
     * ({@code probe}, for Unknown); a Ready node's pending eviction is cancelled.
     */
    void legacy(int i, byte observed, long readyTransition, long probe, long pass, long now) {
        if (observed != Condition.FALSE && observed != Condition.UNKNOWN) {
            queues.remove(i);
            return;
        }
        long since = observed == Condition.FALSE ? readyTransition : probe;
        if (now > since + settings.podEvictionTimeout() && queues.add(i, pass)) {
            tainter.workQueued(now);
        }
    }

    /** Master disruption mode starts: every node is made reachable, or its pod eviction cancelled. */
    void cancelAll(long now) {
        for (int i = 0; i < nodes.count(); i++) {
            if (settings.taintBased()) {
                reachable(i, now);
            } else {
                queues.remove(i);
            }
        }
    }
}
