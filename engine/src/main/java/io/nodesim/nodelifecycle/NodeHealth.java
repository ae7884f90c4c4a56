package io.nodesim.nodelifecycle;

import io.nodesim.cluster.Condition;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.kubelet.HeartbeatSequence;
import io.nodesim.scenario.NodeGroup;
import java.util.Arrays;

/**
 * The controller's {@code nodeHealthMap} (node_lifecycle_controller.go, {@code nodeHealthData}) and
 * its node informer cache of the Ready condition: per node whether an entry exists, its probe and
 * ready-transition timestamps, the condition saved at the last pass, the condition the informer
 * delivered, and whether a status post reached the informer since the last pass. Arrays shared with
 * the classes of the controller ({@link QuietNodes}, {@link ZoneTaintingWorker}) that read them.
 */
final class NodeHealth {
    final boolean[] known;
    final long[] probe;
    final long[] readyTransition;
    /** The node informer's copy of the Ready condition (what the controller reads). */
    final byte[] observedReady;
    /** The Ready condition saved in nodeHealth at the last pass. */
    final byte[] savedReady;
    /** A kubelet status post reached the informer since the last pass. */
    final boolean[] statusPostSeen;
    private final NodeObjects nodes;
    private final HeartbeatSequence lease;
    private final HeartbeatSequence status;

    NodeHealth(NodeObjects nodes, HeartbeatSequence lease, HeartbeatSequence status) {
        this.nodes = nodes;
        this.lease = lease;
        this.status = status;
        int n = nodes.count();
        known = new boolean[n];
        probe = new long[n];
        readyTransition = new long[n];
        observedReady = new byte[n];
        savedReady = new byte[n];
        statusPostSeen = new boolean[n];
        for (int i = 0; i < n; i++) {
            observedReady[i] = nodes.ready(i);
            savedReady[i] = nodes.ready(i);
        }
    }

    /**
     * The controller has been running for a while at t = 0: its passes before (every {@code step},
     * the last at {@code first - step}) are replayed on the heartbeats, with no kernel event, so that
     * each node's probe timestamp has the steady-state relation to its last heartbeat.
     */
    void replayPassesBefore(long first, long step) {
        long shortest = lease != null ? Math.min(lease.period(), status.period()) : status.period();
        int replayed = (int) (shortest * 1.05 / step) + 2;
        for (int m = replayed; m >= 1; m--) {
            long t = first - m * step;
            for (int i = 0; i < nodes.count(); i++) {
                if (nodes.createdAt(i) != NodeGroup.BEFORE_START) {
                    continue;
                }
                if (sawHeartbeat(i, t) || m == replayed) {
                    probe[i] = t;
                    readyTransition[i] = t;
                }
                known[i] = true;
            }
        }
    }

    /** A new controller instance: nothing is known of any node. */
    void forgetAll() {
        Arrays.fill(known, false);
        Arrays.fill(statusPostSeen, false);
    }

    /** Master disruption mode ends: every probe and ready-transition timestamp restarts now. */
    void restartTimestampsAt(long t) {
        Arrays.fill(probe, t);
        Arrays.fill(readyTransition, t);
    }

    /**
     * {@code tryUpdateNodeHealth} up to the grace check, at the node's turn in a pass: a node seen
     * for the first time gets an entry (a node that never posted counts from its creation); a newer
     * lease or status post moves the probe timestamp to now, a changed condition the transition.
     */
    void look(int i, long now) {
        byte observed = observedReady[i];
        if (!known[i]) {
            known[i] = true;
            probe[i] = observed == Condition.NONE ? nodes.createdAt(i) : now;
            readyTransition[i] = probe[i];
            savedReady[i] = observed;
        }
        boolean heartbeat = sawHeartbeat(i, now);
        if (statusPostSeen[i]) {
            statusPostSeen[i] = false;
            heartbeat = true;
            if (observed != savedReady[i]) {
                readyTransition[i] = now;
            }
        }
        if (heartbeat) {
            probe[i] = now;
        }
    }

    private boolean sawHeartbeat(int i, long t) {
        boolean seen = lease != null && lease.observeUpTo(i, t);
        return status.observeUpTo(i, t) | seen;
    }
}
