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

    /**
     * {@code processTaintBaseEviction} for the condition the pass acts on; {@code pass} orders the
     * queue. Returns 0 when done at once, else the {@link PassWorkers} step the caller's worker waits
     * in until {@code waiter.written(token, ok, at)}.
     */
    int taintBased(int i, byte condition, long pass, long now, TaintWriter.Waiter waiter, int token) {
        return switch (condition) {
            case Condition.FALSE -> swapOrQueue(i, ControllerTaints.NOT_READY_NO_EXECUTE,
                    ControllerTaints.UNREACHABLE_NO_EXECUTE, pass, now, waiter, token);
            case Condition.UNKNOWN -> swapOrQueue(i, ControllerTaints.UNREACHABLE_NO_EXECUTE,
                    ControllerTaints.NOT_READY_NO_EXECUTE, pass, now, waiter, token);
            default -> reachable(i, now, waiter, token) ? 0 : PassWorkers.REACHABLE_WRITE;
        };
    }

    /**
     * The opposite NoExecute taint is swapped at once (a failure is logged: "Will try again in the
     * next cycle"); otherwise (re-)queue: markNodeForTainting.
     */
    private int swapOrQueue(int i, int wanted, int opposite, long pass, long now, TaintWriter.Waiter waiter,
            int token) {
        if (nodes.hasTaint(i, opposite)) {
            return taints.write(i, wanted, opposite, now, waiter, token) ? 0 : PassWorkers.TAINT_SWAP;
        }
        if (!nodes.hasTaint(i, wanted)) {
            queues.remove(i);
        }
        if (queues.add(i, pass)) {
            tainter.workQueued(now);
        }
        return 0;
    }

    /**
     * {@code markNodeAsReachable}: the NoExecute taints go, then the node leaves its queue; true
     * when done at once, false while the caller is blocked until {@code waiter.written}, which
     * must then call {@link #reachableWritten}.
     */
    boolean reachable(int i, long now, TaintWriter.Waiter waiter, int token) {
        if (!taints.write(i, 0, ControllerTaints.NODE_CONTROLLER_NO_EXECUTE, now, waiter, token)) {
            return false;
        }
        queues.remove(i);
        return true;
    }

    /** markNodeAsReachable's taint removal ended: a failure leaves the node queued ("Will retry"). */
    void reachableWritten(int i, boolean ok) {
        if (ok) {
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
}
