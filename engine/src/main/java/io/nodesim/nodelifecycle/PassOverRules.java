package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.Condition;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.kernel.SimTime;
import io.nodesim.kubelet.HeartbeatSequence;
import io.nodesim.kubelet.NodeFaultState;

/**
 * When a node may sleep through the monitor passes ({@link QuietNodes}), asked at the end of its
 * turn: the two states in which every later pass would only count it, Ready or not Ready, until
 * something about it changes (and that wakes it). The controller asks only when every renewal gap
 * of a healthy kubelet is provably shorter than the grace period
 * ({@link HeartbeatSequence#longestGapWhileHealthy}).
 */
final class PassOverRules {
    private final ClusterState cluster;
    private final NodeObjects nodes;
    private final NodeLifecycleSettings settings;
    private final boolean[] healthKnown;
    private final boolean[] statusPostSeen;
    private final byte[] observedReady;
    private final byte[] savedReady;
    private final long[] probe;
    private final ZoneQueues queues;
    private final MarkPodsNotReady podMarks;
    private final HeartbeatSequence lease;
    private final HeartbeatSequence status;
    /** The heartbeats that renew the node's health: the Lease's, or the status posts' before leases. */
    private final HeartbeatSequence renewals;
    private final NodeFaultState faults;

    PassOverRules(ClusterState cluster, NodeLifecycleSettings settings, NodeHealth health, ZoneQueues queues,
            MarkPodsNotReady podMarks, HeartbeatSequence lease, HeartbeatSequence status, NodeFaultState faults) {
        this.cluster = cluster;
        this.nodes = cluster.nodes();
        this.settings = settings;
        this.healthKnown = health.known;
        this.statusPostSeen = health.statusPostSeen;
        this.observedReady = health.observedReady;
        this.savedReady = health.savedReady;
        this.probe = health.probe;
        this.queues = queues;
        this.podMarks = podMarks;
        this.lease = lease;
        this.status = status;
        this.renewals = lease != null ? lease : status;
        this.faults = faults;
    }

    /**
     * Whether the passes after this one would only find newer heartbeats and count the node Ready,
     * until something about it changes (which wakes it): it is Ready and untainted with nothing
     * queued or to retry, its kubelet has renewed under no fault since the last one and the API
     * server is up, and the next renewal is seen within the grace period of the probe timestamp, as
     * every later one is of the one before ({@link HeartbeatSequence#longestGapWhileHealthy}).
     */
    boolean asReady(int i, long now) {
        if (!healthKnown[i] || statusPostSeen[i] || nodes.deleted(i)
                || observedReady[i] != Condition.TRUE || savedReady[i] != Condition.TRUE
                || nodes.ready(i) != Condition.TRUE
                || (nodes.taints(i) & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) != 0
                || queues.contains(i) || podMarks.retryPending(i)) {
            return false;
        }
        long sent = renewals.nextSent(i);
        if (!faults.healthyFrom(i, sent) || !cluster.controlPlane().upFrom(Math.min(sent, now))) {
            return false;
        }
        long seen = renewals.nextSeen(i);
        return seen != SimTime.NEVER && seen - probe[i] <= settings.gracePeriod();
    }

    /**
     * Whether the passes after this one would only count the node not Ready, until something about
     * it changes: it is Unknown, queued (and on the taint path tainted unreachable), with nothing to
     * retry, and no write of its kubelet can be seen (stopped, or cut off; a HeartbeatDelay that
     * loses writes is not enough) while its faults last and the API server is up, so its probe
     * timestamp stays. A Ready post, a fault's end, a taint
     * or an outage wakes it.
     */
    boolean asLost(int i, long now) {
        if (!healthKnown[i] || statusPostSeen[i] || nodes.deleted(i) || observedReady[i] != Condition.UNKNOWN
                || savedReady[i] != Condition.UNKNOWN || nodes.ready(i) != Condition.UNKNOWN
                || !queues.contains(i) || podMarks.retryPending(i) || !cluster.controlPlane().upFrom(now)) {
            return false;
        }
        if (settings.taintBased()
                && (nodes.taints(i) & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) != ControllerTaints.UNREACHABLE_NO_EXECUTE) {
            return false;
        }
        return unheard(status, i) && (lease == null || unheard(lease, i));
    }

    /**
     * Neither the write at the cursor nor any after it is seen until the node's faults change. The
     * write at the cursor alone is not enough: under a HeartbeatDelay a lost write may be followed by
     * one recorded, which an asleep node's catch-up could find older than the pass starts it keeps.
     */
    private boolean unheard(HeartbeatSequence writes, int i) {
        return writes.nextSeen(i) == SimTime.NEVER && faults.silencedFrom(i, writes.nextSent(i));
    }

}
