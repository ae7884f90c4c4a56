package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;

/**
 * The worker behind every zone queue, run every 100 ms: {@code doNoExecuteTaintingPass} of
 * node_lifecycle_controller.go (taint path), or {@code doEvictionPass} of the ~1.12 controller
 * (legacy path, which deletes the node's pods instead). A token is spent before the head is looked
 * at, so a head that turns out Ready costs one. During an etcd stall the write blocks the loop; it
 * completes when the API server answers (within the 1 min request timeout) or fails and is retried.
 * The legacy {@code DeletePods} sends, per pod, the NodeLost status update and the DELETE through the
 * controller's client limiter; a pod whose requests wait for tokens is deleted when they are sent.
 */
final class ZoneTaintingWorker {
    /** {@code scheduler.NodeEvictionPeriod}: the loop's period. */
    static final long PERIOD = 100 * SimTime.MILLISECOND;
    private final ClusterState cluster;
    private final NodeObjects nodes;
    private final NodeLifecycleSettings settings;
    private final ZoneQueues queues;
    private final TaintWriter taints;
    private final PodDeletions deletions;
    /** The controller's node informer cache of the Ready condition (the nodeLister). */
    private final byte[] observedReady;
    private final Simulation sim;
    private final int tickKind;
    private final int deletionSentKind;
    private final ApiClient client;
    private boolean running;
    /** All queues were empty at the last tick, so no tick is scheduled until work is queued. */
    private boolean idle;
    private long lastTick;
    private long tickHandle = EventQueue.NO_HANDLE;
    /** The node whose write blocks the loop during an outage, -1 when none. */
    private int blockedNode = -1;
    private long blockedSince;

    ZoneTaintingWorker(Simulation sim, ClusterState cluster, NodeLifecycleSettings settings, ZoneQueues queues,
            TaintWriter taints, PodDeletions deletions, byte[] observedReady, ApiClient client) {
        this.sim = sim;
        this.cluster = cluster;
        this.nodes = cluster.nodes();
        this.settings = settings;
        this.queues = queues;
        this.taints = taints;
        this.deletions = deletions;
        this.observedReady = observedReady;
        this.client = client;
        this.tickKind = sim.registerKind("nodelifecycle.noExecuteTainting", (t, now) -> tick(now));
        this.deletionSentKind = sim.registerKind("nodelifecycle.podDeletionSent", this::deletionSent);
        cluster.informers().watchApiServer(this::apiServerRecovered);
    }

    /** Starts the {@code wait.Until(doNoExecuteTaintingPass, 100 ms)} loop at {@code at}. */
    void start(long at) {
        running = true;
        idle = false;
        blockedNode = -1;
        tickHandle = sim.schedule(at, tickKind, 0);
    }

    void stop() {
        running = false;
        idle = false;
        sim.cancel(tickHandle);
        blockedNode = -1;
    }

    /** Each zone's queue takes tokens and taints (or evicts) the nodes at its head. */
    private void tick(long now) {
        // A write still blocked at this point has timed out: the item stays queued for a retry.
        blockedNode = -1;
        for (int z = 0; z < queues.zones(); z++) {
            RateLimitedTimedQueue q = queues.queue(z);
            while (q.size() > 0 && q.tryAccept(now)) {
                int node = q.head();
                if (needsWrite(node) && !cluster.controlPlane().isUp(now)) {
                    // The write blocks the whole loop until etcd answers or the request times out.
                    blockedNode = node;
                    blockedSince = now;
                    tickHandle = sim.schedule(now + NodeLifecycleSettings.REQUEST_TIMEOUT, tickKind, 0);
                    return;
                }
                act(node, now);
            }
        }
        lastTick = now;
        if (queues.allEmpty()) {
            // A tick on empty queues does nothing (no token is taken): the loop skips them until work
            // is queued, and resumes on its 100 ms grid.
            idle = true;
            tickHandle = EventQueue.NO_HANDLE;
            return;
        }
        tickHandle = sim.schedule(now + PERIOD, tickKind, 0);
    }

    /**
     * A node was queued at {@code now}: an idle loop ticks at its next grid point, which is now
     * itself when a tick falls due at this instant (the pass that queues runs before it).
     */
    void workQueued(long now) {
        if (!running || !idle) {
            return;
        }
        idle = false;
        long period = PERIOD;
        long ticks = Math.max(1, Math.floorDiv(now - lastTick + period - 1, period));
        tickHandle = sim.schedule(lastTick + ticks * period, tickKind, 0);
    }

    private void apiServerRecovered(long now) {
        if (blockedNode < 0 || now - blockedSince > NodeLifecycleSettings.REQUEST_TIMEOUT) {
            return;
        }
        act(blockedNode, now);
        blockedNode = -1;
        sim.reschedule(tickHandle, now + PERIOD);
    }

    private boolean needsWrite(int node) {
        return !nodes.deleted(node) && (!settings.taintBased() || ControllerTaints.noExecuteFor(observedReady[node]) != 0);
    }

    /** The queue's ActionFunc; the API server is up, so it succeeds and the node leaves the heap. */
    private void act(int node, long now) {
        if (needsWrite(node)) {
            if (settings.taintBased()) {
                int wanted = ControllerTaints.noExecuteFor(observedReady[node]);
                taints.swap(node, wanted, ControllerTaints.NODE_CONTROLLER_NO_EXECUTE & ~wanted, now);
            } else {
                evictPods(node, now);
            }
        }
        queues.processed(node);
    }

    /** {@code DeletePods}: every pod of the node except DaemonSet pods, each as its requests go out. */
    private void evictPods(int node, long now) {
        PodTable pods = cluster.pods();
        for (int p = pods.firstOnNode(node); p >= 0; p = pods.nextOnNode(p)) {
            if (!cluster.workloadOf(p).daemonSet() && !pods.isDeleted(p)) {
                long sent = client.send(now, 2);
                if (sent == now) {
                    deletions.delete(p, now, "NodeControllerEviction");
                } else {
                    sim.schedule(sent, deletionSentKind, p);
                }
            }
        }
    }

    private void deletionSent(int pod, long now) {
        if (running) {
            deletions.delete(pod, now, "NodeControllerEviction");
        }
    }
}
