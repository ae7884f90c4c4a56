package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.Condition;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.Samples;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.controllermanager.EventSink;
import io.nodesim.kernel.SimTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One node's turn in a monitor pass, on one of the pass's workers ({@code monitorNodeHealth}'s
 * per-node body, pkg/controller/nodelifecycle/node_lifecycle_controller.go): {@code
 * tryUpdateNodeHealth} (the heartbeat look, and the Unknown UpdateStatus once the grace period has
 * passed, which waits for a client token and blocks on a down API server), the node's count in its
 * zone, the eviction decision ({@link EvictionDecisions}: {@code processTaintBaseEviction} or the
 * legacy pod-eviction timeout) and, after a True → not-True change, {@code MarkPodsNotReady}. A step
 * that must wait returns false; the controller resumes the turn when the wait ends.
 */
final class NodeTurn {
    private final ClusterState cluster;
    private final NodeObjects nodes;
    private final NodeLifecycleSettings settings;
    private final NodeHealth health;
    private final long[] probe;
    private final long[] readyTransition;
    private final byte[] observedReady;
    private final byte[] savedReady;
    private final boolean[] excludedFromDisruption;
    private final ApiClient client;
    private final PassWorkers workers;
    private final EvictionDecisions evictions;
    private final EvictionDecisions.Caller caller;
    private final MarkPodsNotReady podMarks;
    private final ZoneDisruption zones;
    private final Samples samples;
    /** RecordNodeStatusChange's NodeNotReady event goes through the controller's client too. */
    private final EventSink events;
    /** Nodes whose health update of the current pass waits for the API server. */
    private final List<Integer> blocked = new ArrayList<>();
    private long passId;
    private long turns;

    NodeTurn(ClusterState cluster, NodeLifecycleSettings settings, NodeHealth health, boolean[] excludedFromDisruption,
            ApiClient client, PassWorkers workers, EvictionDecisions evictions, EvictionDecisions.Caller caller,
            MarkPodsNotReady podMarks, ZoneDisruption zones, Samples samples, EventSink events) {
        this.cluster = cluster;
        this.nodes = cluster.nodes();
        this.settings = settings;
        this.health = health;
        this.probe = health.probe;
        this.readyTransition = health.readyTransition;
        this.observedReady = health.observedReady;
        this.savedReady = health.savedReady;
        this.excludedFromDisruption = excludedFromDisruption;
        this.client = client;
        this.workers = workers;
        this.evictions = evictions;
        this.caller = caller;
        this.podMarks = podMarks;
        this.zones = zones;
        this.samples = samples;
        this.events = events;
    }

    /** A pass begins: its decisions are this pass's. */
    void passStarted(long pass) {
        passId = pass;
    }

    /** The nodes whose Unknown UpdateStatus of this pass hangs on a down API server. */
    List<Integer> blocked() {
        return blocked;
    }

    /** How many node turns the passes have taken so far (asleep nodes passed over take none). */
    long turns() {
        return turns;
    }

    /** The condition processTaintBaseEviction acts on: the observed one, or (1.34+) the current one. */
    byte decisionCondition(int w) {
        return settings.noExecuteInDetectingPass() ? workers.current[w] : workers.observed[w];
    }

    /** The node's turn of the pass on worker {@code w}; false while the worker waits for a write. */
    boolean take(int w, int i, long now) {
        turns++;
        health.look(i, now);
        byte observed = observedReady[i];
        // No Ready condition: the kubelet never posted; its grace is the startup grace.
        boolean neverPosted = observed == Condition.NONE;
        long grace = neverPosted ? settings.startupGracePeriod() : settings.gracePeriod();
        if (now > probe[i] + grace && observed != Condition.UNKNOWN) {
            workers.observed[w] = observed;
            long sent = client.send(now, 1);
            if (sent > now) {
                workers.sleep(w, PassWorkers.HEALTH_SENT, sent);
                return false;
            }
            return healthWriteSent(w, i, now);
        }
        countInZone(i, observed);
        return finishUpdate(w, i, observed, observed, now);
    }

    /** The Unknown UpdateStatus goes out: it lands, or blocks on a down API server. */
    boolean healthWriteSent(int w, int i, long now) {
        byte observed = workers.observed[w];
        if (nodes.deleted(i)) {
            return true;
        }
        if (!cluster.controlPlane().isUp(now)) {
            // UpdateStatus blocks until etcd answers (or the request times out); the worker,
            // and so the pass, wait for it.
            blocked.add(i);
            return true;
        }
        if (nodes.ready(i) != observed) {
            // The kubelet posted meanwhile: the update conflicts, and the retry reads a fresh heartbeat.
            countInZone(i, nodes.ready(i));
            return true;
        }
        markUnknown(i, now);
        countInZone(i, Condition.UNKNOWN);
        return finishUpdate(w, i, observed, Condition.UNKNOWN, now);
    }

    void countInZone(int i, byte current) {
        savedReady[i] = current;
        if (!excludedFromDisruption[i]) {
            zones.count(nodes.zone(i), current == Condition.TRUE);
        }
    }

    /**
     * The rest of a node's turn in the pass, after its health update went through; false while the
     * worker waits for a MarkPodsNotReady write.
     */
    private boolean finishUpdate(int w, int i, byte observedCondition, byte current, long now) {
        if (current == Condition.NONE) {
            // Still no Ready condition: no eviction decision (currentReadyCondition == nil).
            return true;
        }
        // A missing condition is observed as the controller's fake Unknown one.
        byte observed = observedCondition == Condition.NONE ? Condition.UNKNOWN : observedCondition;
        workers.observed[w] = observed;
        workers.current[w] = current;
        int waitStep = settings.taintBased() ? evictions.taintBased(i, decisionCondition(w), passId, now, caller, w)
                : evictions.legacy(i, observed, readyTransition[i], probe[i], passId, now, caller, w);
        if (waitStep != 0) {
            workers.step[w] = waitStep;
            return false;
        }
        return afterDecision(w, i, now);
    }

    /** The rest of the turn after the eviction decision: the NodeNotReady event, then MarkPodsNotReady. */
    boolean afterDecision(int w, int i, long now) {
        byte observed = workers.observed[w];
        byte current = workers.current[w];
        boolean becameNotReady = current != Condition.TRUE && observed == Condition.TRUE;
        if (becameNotReady) {
            cluster.recorder().record(now, EventKind.NodeReadyUnknown, nodes.name(i), unknownDetail("NodeNotReady", i));
            events.record(EventSink.object(EventSink.NODE, i), now);
        }
        return podMarks.afterHealthUpdate(w, i, becameNotReady, observed != Condition.TRUE, now);
    }

    boolean completeBlockedWrite(int w, int i, long now) {
        byte observed = observedReady[i];
        if (observed == Condition.UNKNOWN) {
            return true;
        }
        markUnknown(i, now);
        return finishUpdate(w, i, observed, Condition.UNKNOWN, now);
    }

    /**
     * The reason and the probe timestamp the decision {@code now > probeTimestamp + grace} was based
     * on: when this controller last saw a newer heartbeat (or, for a node that never posted, its
     * creation), as {@code tryUpdateNodeHealth} keeps it in {@code nodeHealthData.probeTimestamp}.
     */
    private String unknownDetail(String reason, int i) {
        return reason + " probeTimestamp=" + SimTime.formatSeconds(probe[i]);
    }

    /** Ready, MemoryPressure, DiskPressure and PIDPressure become Unknown in one UpdateStatus. */
    private void markUnknown(int i, long now) {
        byte before = nodes.ready(i);
        if (before == Condition.NONE || before == Condition.FALSE) {
            // True → Unknown is the NodeNotReady event of the turn's end; a node that posted False (its
            // runtime down) and then went silent also goes Unknown, and events.csv shows that step too
            cluster.recorder().record(now, EventKind.NodeReadyUnknown, nodes.name(i),
                    unknownDetail(before == Condition.NONE ? "NodeStatusNeverUpdated" : "NodeStatusUnknown", i));
        }
        observedReady[i] = Condition.UNKNOWN;
        readyTransition[i] = now;
        cluster.setNodeReady(i, Condition.UNKNOWN, now);
        samples.addSince(Samples.TIME_TO_UNKNOWN, nodes.causeAt(i), now);
    }

}
