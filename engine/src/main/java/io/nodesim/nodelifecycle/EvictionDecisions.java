package io.nodesim.nodelifecycle;

import io.nodesim.cluster.Condition;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.NodeObjects;

/**
 * What a monitor pass decides for a node from its Ready condition, in node_lifecycle_controller.go:
 * {@code processTaintBaseEviction} (swap the opposite NoExecute taint at once, else queue the node
 * for its zone's tainting loop: {@code markNodeForTainting}; a Ready node is made reachable again:
 * {@code markNodeAsReachable}), or on the ~1.12 path the pod-eviction-timeout check that queues the
 * node's pods for deletion ({@code evictPods} / {@code cancelPodEviction}). Each of these but the
 * swap takes the {@link EvictorLock}; {@code markNodeAsReachable} holds it over its taint removal.
 *
 * <p>A decision that has to wait returns the {@link PassWorkers} step its caller waits in: for the
 * lock ({@link PassWorkers#EVICTOR_LOCK}, then the caller goes on with the {@code ...Locked} method),
 * or for a taint write (then the caller calls {@link #reachableWritten} for a removal). 0: done.
 */
final class EvictionDecisions {
    /** A goroutine that makes decisions: it may wait for the lock and for its taint writes. */
    interface Caller extends TaintWriter.Waiter, EvictorLock.Waiter {
    }

    private final NodeLifecycleSettings settings;
    private final NodeObjects nodes;
    private final TaintWriter taints;
    private final ZoneQueues queues;
    private final ZoneTaintingWorker tainter;
    private final EvictorLock lock;

    EvictionDecisions(NodeLifecycleSettings settings, NodeObjects nodes, TaintWriter taints, ZoneQueues queues,
            ZoneTaintingWorker tainter, EvictorLock lock) {
        this.settings = settings;
        this.nodes = nodes;
        this.taints = taints;
        this.queues = queues;
        this.tainter = tainter;
        this.lock = lock;
    }

    /** {@code processTaintBaseEviction} for the condition the pass acts on; {@code pass} orders the queue. */
    int taintBased(int i, byte condition, long pass, long now, Caller caller, int token) {
        if (condition == Condition.FALSE || condition == Condition.UNKNOWN) {
            int opposite = opposite(condition);
            if (nodes.hasTaint(i, opposite)) {
                // The opposite NoExecute taint is swapped at once, outside the lock (a failure is
                // logged: "Will try again in the next cycle").
                return taints.write(i, wanted(condition), opposite, now, caller, token) ? 0 : PassWorkers.TAINT_SWAP;
            }
        }
        if (!lock.acquire(caller, token)) {
            return PassWorkers.EVICTOR_LOCK;
        }
        return taintBasedLocked(i, condition, pass, now, caller, token);
    }

    /** The rest of {@link #taintBased} once the caller holds the lock. */
    int taintBasedLocked(int i, byte condition, long pass, long now, Caller caller, int token) {
        if (condition != Condition.FALSE && condition != Condition.UNKNOWN) {
            return reachableLocked(i, now, caller, token);
        }
        // markNodeForTainting: (re-)queue.
        if (!nodes.hasTaint(i, wanted(condition))) {
            queues.remove(i);
        }
        if (queues.add(i, pass)) {
            tainter.workQueued(now);
        }
        lock.release(now);
        return 0;
    }

    private static int wanted(byte condition) {
        return condition == Condition.FALSE ? ControllerTaints.NOT_READY_NO_EXECUTE
                : ControllerTaints.UNREACHABLE_NO_EXECUTE;
    }

    private static int opposite(byte condition) {
        return condition == Condition.FALSE ? ControllerTaints.UNREACHABLE_NO_EXECUTE
                : ControllerTaints.NOT_READY_NO_EXECUTE;
    }

    /** {@code markNodeAsReachable}: the NoExecute taints go, then the node leaves its queue. */
    int reachable(int i, long now, Caller caller, int token) {
        if (!lock.acquire(caller, token)) {
            return PassWorkers.EVICTOR_LOCK;
        }
        return reachableLocked(i, now, caller, token);
    }

    int reachableLocked(int i, long now, Caller caller, int token) {
        if (!taints.write(i, 0, ControllerTaints.NODE_CONTROLLER_NO_EXECUTE, now, caller, token)) {
            return PassWorkers.REACHABLE_WRITE;
        }
        reachableWritten(i, true, now);
        return 0;
    }

    /** markNodeAsReachable's taint removal ended: a failure leaves the node queued ("Will retry"). */
    void reachableWritten(int i, boolean ok, long now) {
        if (ok) {
            queues.remove(i);
        }
        lock.release(now);
    }

    /**
     * The ~1.12 path: queue the node's pods for deletion once {@code pod-eviction-timeout} has passed
     * since its Ready condition turned False ({@code readyTransition}) or its last heartbeat
     * ({@code probe}, for Unknown); a Ready node's pending eviction is cancelled.
     */
    int legacy(int i, byte observed, long readyTransition, long probe, long pass, long now, Caller caller,
            int token) {
        if (notReady(observed)) {
            long since = observed == Condition.FALSE ? readyTransition : probe;
            if (now <= since + settings.podEvictionTimeout()) {
                return 0;
            }
        }
        if (!lock.acquire(caller, token)) {
            return PassWorkers.EVICTOR_LOCK;
        }
        legacyLocked(i, observed, pass, now);
        return 0;
    }

    /** {@code evictPods} or {@code cancelPodEviction} once the caller holds the lock. */
    void legacyLocked(int i, byte observed, long pass, long now) {
        if (!notReady(observed)) {
            queues.remove(i);
        } else if (queues.add(i, pass)) {
            tainter.workQueued(now);
        }
        lock.release(now);
    }

    private static boolean notReady(byte observed) {
        return observed == Condition.FALSE || observed == Condition.UNKNOWN;
    }
}
