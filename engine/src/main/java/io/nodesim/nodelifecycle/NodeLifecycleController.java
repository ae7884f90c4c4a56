package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.Condition;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.NodeWatcher;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.Samples;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.controllermanager.Controller;
import io.nodesim.controllermanager.EventSink;
import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.RandomStreams;
import io.nodesim.kernel.Simulation;
import io.nodesim.kubelet.HeartbeatSequence;
import io.nodesim.kubelet.Kubelet;
import io.nodesim.kubelet.NodeFaultState;
import io.nodesim.scenario.NodeGroup;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The node lifecycle controller: {@code pkg/controller/nodelifecycle/node_lifecycle_controller.go}
 * ({@code monitorNodeHealth}, {@code tryUpdateNodeHealth}, {@code processTaintBaseEviction},
 * {@code doNoScheduleTaintingPass}, {@code doNoExecuteTaintingPass}), with the legacy
 * pod-eviction-timeout path of the ~1.12 controller. Versions: 1.12 (legacy, NodeStatus
 * heartbeat), 1.17–1.33 (NoExecute queued one pass after Unknown) and 1.34+ (same pass).
 *
 * <p>Timing: a pass starts {@code node-monitor-period} after the previous one ended and lasts ε
 * ({@code latencies.monitorPass}), or as long as its writes take: the pass's workers
 * ({@link PassWorkers}) take the nodes in order and each node is evaluated when a worker takes it
 * ({@link NodeTurn}).
 * Every write goes through the controller's client limiter ({@link ApiClient}, {@code kube-api-qps}
 * / {@code kube-api-burst}): the Unknown UpdateStatus, one pod UpdateStatus per Ready pod in
 * {@code MarkPodsNotReady}, the taint writes ({@link TaintWriter}); a write that must wait for a
 * token holds its worker until it is sent. A write sent while the API server is down is answered
 * when it is up again, or fails after the 1 min request timeout; a failed MarkPodsNotReady leaves
 * the node in {@code nodesToRetry} and the next pass marks its pods again (PR #84445, 1.17+). The
 * probe timestamp is the controller's clock at the pass that first sees a newer heartbeat (a lease
 * renewal or status post that reached the informer); the node goes Unknown at the first pass with
 * {@code now > probe + grace} (strict). The NoSchedule taint follows the Ready condition through
 * the node informer (one watch delay λ later, {@link NoScheduleTainting}); the NoExecute taint goes through the zone's
 * {@link RateLimitedTimedQueue}, worked every 100 ms ({@link ZoneTaintingWorker}).
 *
 * <p>Most nodes are healthy most of the time: a pass counts those whose renewals provably keep up as
 * Ready, and lost nodes that cannot be heard as not Ready ({@link PassOverRules}), without looking at
 * each, and works out their probe timestamps
 * when something about them changes ({@link QuietNodes}).
 *
 * <p>A node created during the run is monitored from the first pass after its creation. Until its
 * kubelet posts a Ready condition the grace period is {@code node-startup-grace-period} counted
 * from the creation timestamp; it counts as not Ready in its zone, and past the grace it goes
 * Unknown (reason NodeStatusNeverUpdated) and is treated as any Unknown node.
 */
public final class NodeLifecycleController implements Controller, NodeWatcher, EvictionDecisions.Caller {

    private final Simulation sim;
    private final ClusterState cluster;
    private final NodeObjects nodes;
    private final NodeLifecycleSettings settings;
    private final HeartbeatSequence lease;
    private final HeartbeatSequence status;
    private final Samples samples;
    private final TaintWriter taints;
    private final ZoneQueues queues;
    private final ZoneDisruption zones;
    private final ZoneTaintingWorker tainter;
    private final EvictionDecisions evictions;
    private final RandomGenerator rng;
    private final int passKind;
    private final int nodeWatchKind;
    private final int timeoutKind;

    private final NodeHealth health;
    /** {@link NodeHealth}'s arrays, read at every turn. */
    private final long[] probe;
    private final byte[] observedReady;
    private final boolean[] statusPostSeen;
    private boolean freshStart = true;
    private long blockedSince;
    private final ClientRequests requests;
    private final NoScheduleTainting noSchedule;
    /** The restarted instance's node informer listing the nodes (its AddFunc queues each for the NoSchedule pass). */
    private final int informerStartKind;
    private long informerStartHandle = EventQueue.NO_HANDLE;
    private final ReachableLoop reachableLoop;
    private final EvictorLock evictorLock;
    /** While handleDisruption's markNodeAsReachable loop blocks, the time the next pass is due after. */
    private long heldPassAt = -1;
    private long timeoutHandle = EventQueue.NO_HANDLE;
    private final ZoneDisruption.Hooks disruptionHooks = hooks();
    private final boolean[] excludedFromDisruption;
    private long passId;
    private long passHandle = EventQueue.NO_HANDLE;
    private final ApiClient client;
    /** The controller's events (RegisteredNode, RemovingNode, NodeNotReady), sent through {@link #client}. */
    private final EventSink events;
    /** knownNodeSet: the nodes the passes have listed; a pass's classifyNodes compares its listing with it. */
    private final boolean[] known;
    /** Nodes created or deleted since the last pass: the only ones whose membership can differ. */
    private int[] changed = new int[4];
    private int changedCount;
    private final PassWorkers workers;
    /** The pass in progress: its start, the next node to hand out, whether it lists nodes afresh. */
    private boolean passRunning;
    private long passStart;
    private int cursor;
    /** The pass had to wait for its workers before the end of the node list. */
    private boolean passWaited;
    private final MarkPodsNotReady podMarks;
    private final NodeFaultState faults;
    private final QuietNodes quiet;
    /** Whether a kubelet that renews as configured can never miss the grace period (then nodes may sleep). */
    private final boolean renewalsOutpaceGrace;
    private final HeartbeatSequence renewals;
    private int outagesSeen;
    private final NodeTurn turn;
    private final PassOverRules passOver;

    public NodeLifecycleController(Simulation sim, ClusterState cluster, NodeLifecycleSettings settings,
            Kubelet kubelet, Samples samples, PodDeletions deletions, RandomStreams streams, ApiClient client) {
        this.sim = sim;
        this.cluster = cluster;
        this.nodes = cluster.nodes();
        this.settings = settings;
        this.lease = kubelet.leaseHeartbeats();
        this.status = kubelet.statusHeartbeats();
        this.samples = samples;
        this.client = client;
        this.requests = new ClientRequests(sim, cluster, client);
        this.taints = new TaintWriter(cluster, samples, requests);
        this.queues = new ZoneQueues(cluster.topology(), settings.evictionQps(), streams);
        this.zones = new ZoneDisruption(settings, queues, cluster.zones(), cluster.recorder());
        this.rng = streams.stream("nodelifecycle");
        int n = nodes.count();
        known = new boolean[n];
        health = new NodeHealth(nodes, lease, status);
        probe = health.probe;
        observedReady = health.observedReady;
        statusPostSeen = health.statusPostSeen;
        excludedFromDisruption = DisruptionExclusion.excluded(cluster.topology(), settings);
        int[] zoneOf = new int[n];
        boolean[] countedInZone = new boolean[n];
        for (int i = 0; i < n; i++) {
            zoneOf[i] = nodes.zone(i);
            countedInZone[i] = !excludedFromDisruption[i];
        }
        faults = kubelet.faults();
        renewals = lease != null ? lease : status;
        long gap = renewals.longestGapWhileHealthy();
        renewalsOutpaceGrace = gap <= settings.gracePeriod();
        // A catch-up looks back at most one renewal gap: the passes that started within it.
        int passesToKeep = renewalsOutpaceGrace ? (int) Math.min(1 << 20, gap / Math.max(1, settings.monitorPeriod()) + 8) : 16;
        quiet = new QuietNodes(n, zoneOf, cluster.zones().size(), countedInZone, passesToKeep, probe, lease, status);
        faults.onChange(this::wake);
        // cancelPodEviction entering master disruption mode takes lost nodes out of the queues
        queues.onLeave(this::wake);
        evictorLock = new EvictorLock(settings.apiCallsUnderEvictorLock());
        events = new EventSink(sim, "nodelifecycle", client, cluster.controlPlane(), cluster.informers());
        tainter = new ZoneTaintingWorker(sim, cluster, settings, queues, taints,
                new DeletePods(cluster, deletions, requests, events, !settings.podListsFromInformer()), observedReady,
                evictorLock);
        noSchedule = new NoScheduleTainting(nodes, taints, observedReady);
        evictions = new EvictionDecisions(settings, nodes, taints, queues, tainter, evictorLock);
        reachableLoop = new ReachableLoop(nodes, settings, evictions, observedReady, this::reachableLoopEnded);
        passKind = sim.registerKind("nodelifecycle.monitorPass", (t, now) -> monitorNodeHealth(now));
        nodeWatchKind = sim.registerKind("nodelifecycle.nodeWatch", this::nodeUpdated);
        informerStartKind = sim.registerKind("nodelifecycle.informerStart", (unused, now) -> noSchedule.start(now));
        timeoutKind = sim.registerKind("nodelifecycle.requestTimeout", (t, now) -> blockedWritesTimedOut(now));
        workers = new PassWorkers(sim, settings.monitorWorkers(),
                sim.registerKind("nodelifecycle.passWorker", this::workerWoke), n);
        podMarks = new MarkPodsNotReady(cluster, samples, client, workers, settings.retryMarkPodsNotReady(),
                settings.podNotReadyEvents() ? events : null, !settings.podListsFromInformer());
        turn = new NodeTurn(cluster, settings, health, excludedFromDisruption, client, workers, evictions, this, podMarks,
                zones, samples, events);
        passOver = new PassOverRules(cluster, settings, health, queues, podMarks, lease, status, faults);
        cluster.informers().watchNodes(this);
        cluster.informers().watchApiServer(this::apiServerRecovered);
    }

    /** A Ready condition was written (by a kubelet, or by this controller): its informer sees it one watch later. */
    @Override
    public void nodeStatusWritten(int node, long time) {
        wake(node);
        sim.schedule(time + settings.watch().sample(rng), nodeWatchKind, node);
    }

    @Override
    public void taintsChanged(int node, int before, int after, long time) {
        wake(node);
        if (noSchedule.awaitsUpdate(node)) {
            // The informer's update of this node queues it for the NoSchedule pass again.
            sim.schedule(time + settings.watch().sample(rng), nodeWatchKind, node);
        }
    }

    @Override
    public void nodeCreated(int node, long time) {
        nodeChanged(node);
    }

    @Override
    public void nodeDeleted(int node, long time) {
        wake(node);
        nodeChanged(node);
    }

    private void nodeChanged(int node) {
        if (changedCount == changed.length) {
            changed = Arrays.copyOf(changed, changedCount * 2);
        }
        changed[changedCount++] = node;
    }

    private boolean listed(int node, long now) {
        return nodes.exists(node, now) && !nodes.deleted(node);
    }

    /**
     * classifyNodes: a listed node the set lacks is added (RegisteredNode), a known one no longer
     * listed is deleted (RemovingNode); a node created and deleted between two passes is neither.
     */
    private void classifyNodes(boolean everyNode, long now) {
        if (everyNode) {
            changedCount = 0;
            Arrays.fill(known, false);
            for (int i = 0; i < nodes.count(); i++) {
                classify(i, now);
            }
            return;
        }
        for (int k = 0; k < changedCount; k++) {
            classify(changed[k], now);
        }
        changedCount = 0;
    }

    private void classify(int node, long now) {
        boolean listed = listed(node, now);
        if (listed != known[node]) {
            known[node] = listed;
            events.record(EventSink.object(EventSink.NODE, node), now);
        }
    }

    /** Something about the node may change: passes look at it again. */
    private void wake(int node) {
        quiet.wake(node, passRunning && node >= cursor ? passId - 1 : passId);
    }

    @Override
    public String name() {
        return "node-lifecycle-controller";
    }

    /**
     * Starts the controller as if it had been running for a while: passes before t = 0 are replayed
     * on the heartbeats (no kernel event), so that each node's probe timestamp at t = 0 has the
     * steady-state relation to its last heartbeat. The first real pass starts uniformly in [0, P).
     */
    @Override
    public void start() {
        long first = (long) (rng.nextDouble() * settings.monitorPeriod());
        health.replayPassesBefore(first, settings.monitorPeriod() + Math.round(settings.monitorPass().mean()));
        freshStart = false;
        for (int i = 0; i < nodes.count(); i++) {
            // the nodes of t = 0 only: one created at 0 is registered at the next pass, as any join
            known[i] = nodes.createdAt(i) == NodeGroup.BEFORE_START && !nodes.deleted(i);
        }
        zones.reset(ZoneState.NORMAL);
        passHandle = sim.schedule(first, passKind, 0);
        tainter.start(first + (long) (rng.nextDouble() * ZoneTaintingWorker.PERIOD));
    }

    /**
     * A kube-controller-manager restart or leader failover at {@code now}: every in-memory state is
     * lost (nodeHealthMap, zone states, queues with their limiters) and the new instance starts its
     * loops {@code downtime} later. Its first pass sees every node as newly added.
     */
    @Override
    public void restart(long now, long downtime) {
        quiet.wakeAll(passId);
        sim.cancel(passHandle);
        tainter.stop();
        sim.cancel(timeoutHandle);
        turn.blocked().clear();
        workers.clear();
        requests.stop();
        taints.stop();
        noSchedule.stop();
        sim.cancel(informerStartHandle);
        reachableLoop.stop();
        evictorLock.clear();
        heldPassAt = -1;
        client.reset();
        events.reset();
        passRunning = false;
        podMarks.clear();
        health.forgetAll();
        long start = now + downtime;
        queues.reset(start);
        zones.reset(ZoneState.ABSENT);
        freshStart = true;
        passHandle = sim.schedule(start, passKind, 0);
        tainter.start(start);
        informerStartHandle = sim.schedule(start, informerStartKind, 0);
    }

    /** Its event broadcaster (for tests). */
    public EventSink events() {
        return events;
    }

    /** The probe timestamp of a node (for tests and reports). */
    public long probeTimestamp(int node) {
        quiet.catchUp(node);
        return probe[node];
    }

    /** How many node turns the passes have taken so far (asleep nodes passed over take none). */
    public long turnsTaken() {
        return turn.turns();
    }

    public ZoneState zoneState(int zone) {
        return zones.state(zone);
    }

    private void monitorNodeHealth(long now) {
        passId++;
        turn.passStarted(passId);
        zones.startPass();
        if (cluster.controlPlane().outagesStarted() != outagesSeen) {
            // Heartbeats sent since the outage began may be lost or late: every node is looked at.
            outagesSeen = cluster.controlPlane().outagesStarted();
            quiet.wakeAll(passId - 1);
        }
        quiet.passStarted(passId, now, zones);
        if (evictorLock.held()) {
            // Every node's decision takes the lock (before 1.25): the first waits for it, and the
            // asleep nodes are looked at in their turn.
            quiet.wakeFrom(0, passId, zones);
        }
        passWaited = false;
        boolean added = freshStart;
        freshStart = false;
        // A new instance's knownNodeSet is empty: every node it lists is added.
        classifyNodes(added, now);
        passRunning = true;
        passStart = now;
        cursor = 0;
        // A new instance lists every node afresh and treats it as newly added, before the workers start.
        if (!added || reachableLoop.run(false, now)) {
            dispatch(now);
        }
    }

    /** Pass worker {@code w}'s taint write ended: it goes on with its node, then takes the next. */
    @Override
    public void written(int w, boolean ok, long now) {
        int i = workers.node[w];
        if (workers.step[w] == PassWorkers.REACHABLE_WRITE) {
            evictions.reachableWritten(i, ok, now);
        }
        workers.step[w] = PassWorkers.IDLE;
        if (turn.afterDecision(w, i, now)) {
            turnEnded(w, i, now);
        }
        if (passRunning) {
            dispatch(now);
        }
    }

    /** Pass worker {@code w} holds the evictor lock it waited for: its decision goes on. */
    @Override
    public void granted(int w, long now) {
        int i = workers.node[w];
        workers.step[w] = PassWorkers.IDLE;
        int waitStep = 0;
        if (settings.taintBased()) {
            waitStep = evictions.taintBasedLocked(i, turn.decisionCondition(w), passId, now, this, w);
        } else {
            evictions.legacyLocked(i, workers.observed[w], passId, now);
        }
        if (waitStep != 0) {
            workers.step[w] = waitStep;
            return;
        }
        if (turn.afterDecision(w, i, now)) {
            turnEnded(w, i, now);
        }
        if (passRunning) {
            dispatch(now);
        }
    }

    private void reachableLoopEnded(boolean forDisruption, long now) {
        if (!forDisruption) {
            dispatch(now);
            return;
        }
        zones.masterDisruptionEntered(now);
        passHandle = sim.schedule(Math.max(heldPassAt, now + settings.monitorPeriod()), passKind, 0);
        heldPassAt = -1;
    }

    /** Hands the next nodes to idle workers; the pass ends when every node is done. */
    private void dispatch(long now) {
        while (workers.canTake()) {
            int i = quiet.nextAwake(cursor);
            if (i < 0) {
                cursor = nodes.count();
                break;
            }
            cursor = i + 1;
            if (nodes.deleted(i) || !nodes.exists(i, now)) {
                continue;
            }
            int w = workers.take(i);
            if (turn.take(w, i, now)) {
                turnEnded(w, i, now);
            }
        }
        if (passRunning && !passWaited && !workers.canTake() && cursor < nodes.count()) {
            // The rest of the list is reached later, not at the pass's start: asleep nodes there are looked at.
            passWaited = true;
            quiet.wakeFrom(cursor, passId, zones);
        }
        if (passRunning && quiet.nextAwake(cursor) < 0 && workers.allIdle()) {
            endPass(now);
        }
    }

    private void turnEnded(int w, int i, long now) {
        workers.release(w);
        // One switch for both kinds: with unbounded latency distributions every pass looks at every
        // node (the reference the equivalence tests compare the shortcuts with). A node another
        // worker still holds (a blocked Unknown write finished after its pass, its MarkPodsNotReady
        // writes still waiting) may yet need a retry: it sleeps, if at all, when that worker is done.
        if (!renewalsOutpaceGrace || workers.holds(i)) {
            return;
        }
        if (passOver.asReady(i, now)) {
            quiet.sleep(i, passId, true);
        } else if (passOver.asLost(i, now)) {
            quiet.sleep(i, passId, false);
        }
    }

    private void endPass(long now) {
        passRunning = false;
        long end = Math.max(now, passStart + settings.monitorPass().sample(rng));
        if (turn.blocked().isEmpty()) {
            if (!zones.endPass(now, disruptionHooks)) {
                heldPassAt = end + settings.monitorPeriod();
                return;
            }
        } else {
            // The pass ends when its blocked writes are answered, or time out.
            blockedSince = now;
            end = Math.max(end, now + NodeLifecycleSettings.REQUEST_TIMEOUT);
            timeoutHandle = sim.schedule(now + NodeLifecycleSettings.REQUEST_TIMEOUT, timeoutKind, 0);
        }
        passHandle = sim.schedule(end + settings.monitorPeriod(), passKind, 0);
    }

    /** A worker's write was sent (or answered): it goes on with its node, then takes the next. */
    private void workerWoke(int w, long now) {
        int i = workers.node[w];
        int waited = workers.step[w];
        workers.step[w] = PassWorkers.IDLE;
        boolean done = waited == PassWorkers.HEALTH_SENT ? turn.healthWriteSent(w, i, now)
                : podMarks.woke(w, i, workers.pod[w], waited, now);
        if (done) {
            turnEnded(w, i, now);
        }
        if (passRunning) {
            dispatch(now);
        }
    }

    private ZoneDisruption.Hooks hooks() {
        return new ZoneDisruption.Hooks() {
            @Override
            public boolean enteringMasterDisruption(long t) {
                return reachableLoop.run(true, t);
            }

            @Override
            public void leavingMasterDisruption(long t) {
                health.restartTimestampsAt(t);
            }
        };
    }

    /** Blocked health updates failed: those nodes are left out of their zone ("Skipping"). */
    private void blockedWritesTimedOut(long now) {
        turn.blocked().clear();
        if (!zones.endPass(now, disruptionHooks)) {
            heldPassAt = sim.timeOf(passHandle);
            sim.cancel(passHandle);
        }
    }

    /** The API server answers again: blocked health updates complete and the pass ends now. */
    private void apiServerRecovered(long now) {
        workers.answerBlockedPodWrites(now);
        // A pass still running (a worker waits on another write) has not started its blocked
        // writes' timeout yet: they are answered now as well.
        if (turn.blocked().isEmpty() || !passRunning && now - blockedSince > NodeLifecycleSettings.REQUEST_TIMEOUT) {
            return;
        }
        if (!passRunning) {
            sim.cancel(timeoutHandle);
        }
        // Each blocked update finishes on its own worker: its MarkPodsNotReady writes follow.
        for (int i : turn.blocked()) {
            turn.countInZone(i, Condition.UNKNOWN);
            int w = workers.take(i);
            if (turn.completeBlockedWrite(w, i, now)) {
                workers.release(w);
            }
        }
        turn.blocked().clear();
        if (!passRunning) {
            if (zones.endPass(now, disruptionHooks)) {
                sim.reschedule(passHandle, now + settings.monitorPeriod());
            } else {
                heldPassAt = now + settings.monitorPeriod();
                sim.cancel(passHandle);
            }
        }
    }

    /** The node informer delivered an update: refresh the cache and queue the node for its NoSchedule pass. */
    private void nodeUpdated(int node, long now) {
        wake(node);
        if (observedReady[node] != nodes.ready(node)) {
            observedReady[node] = nodes.ready(node);
            statusPostSeen[node] = true;
        }
        noSchedule.nodeUpdated(node, now);
    }
}
