package io.nodesim.nodelifecycle;

import io.nodesim.cluster.Condition;
import io.nodesim.cluster.NodeObjects;

/**
 * {@code markNodeAsReachable} (on the legacy path {@code cancelPodEviction}) for every node, serially
 * on the monitor pass's own goroutine (node_lifecycle_controller.go): {@code monitorNodeHealth}'s
 * loop over the nodes a new instance lists at its first pass ({@code added}), which also fills its
 * node cache, and {@code handleDisruption} entering master disruption mode. Each call takes the
 * {@link EvictorLock}, and each taint removal blocks the loop ({@link TaintWriter}); a failed one is
 * logged and the loop goes on.
 */
final class ReachableLoop implements EvictionDecisions.Caller {
    /** The loop has been through every node. */
    interface Ended {
        void loopEnded(boolean forDisruption, long now);
    }

    private final NodeObjects nodes;
    private final NodeLifecycleSettings settings;
    private final EvictionDecisions evictions;
    /** The node informer cache of the Ready condition, filled for the listed nodes. */
    private final byte[] observedReady;
    private final Ended ended;
    private boolean forDisruption;
    private boolean running;

    ReachableLoop(NodeObjects nodes, NodeLifecycleSettings settings, EvictionDecisions evictions,
            byte[] observedReady, Ended ended) {
        this.nodes = nodes;
        this.settings = settings;
        this.evictions = evictions;
        this.observedReady = observedReady;
        this.ended = ended;
    }

    /** Runs the loop: true when it ended at once; otherwise {@link Ended#loopEnded} follows. */
    boolean run(boolean disruption, long now) {
        forDisruption = disruption;
        running = true;
        return from(0, now);
    }

    private boolean from(int first, long now) {
        for (int i = first; i < nodes.count(); i++) {
            if (nodes.deleted(i) || !nodes.exists(i, now)) {
                continue;
            }
            if (!forDisruption) {
                observedReady[i] = nodes.ready(i);
            }
            int waitStep = settings.taintBased() ? evictions.reachable(i, now, this, i)
                    : evictions.legacy(i, Condition.TRUE, 0, 0, 0, now, this, i);
            if (waitStep != 0) {
                return false;
            }
        }
        running = false;
        return true;
    }

    @Override
    public void granted(int node, long now) {
        if (settings.taintBased()) {
            if (evictions.reachableLocked(node, now, this, node) != 0) {
                return;
            }
        } else {
            evictions.legacyLocked(node, Condition.TRUE, 0, now);
        }
        next(node, now);
    }

    @Override
    public void written(int node, boolean ok, long now) {
        evictions.reachableWritten(node, ok, now);
        next(node, now);
    }

    private void next(int node, long now) {
        if (running && from(node + 1, now)) {
            ended.loopEnded(forDisruption, now);
        }
    }

    /** The process stops. */
    void stop() {
        running = false;
    }
}
