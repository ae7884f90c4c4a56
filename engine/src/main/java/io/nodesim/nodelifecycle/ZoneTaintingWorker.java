package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;

/**
 * The worker behind every zone queue: {@code wait.Until(doNoExecuteTaintingPass, 100 ms)} of
 * node_lifecycle_controller.go (taint path), or {@code wait.Until(doEvictionPass, 100 ms)} of the
 * ~1.12 controller (legacy path, whose {@link DeletePods} deletes the node's pods instead).
 * {@code wait.Until} is {@code JitterUntil} with sliding periods: the next pass starts 100 ms after
 * the previous one returned. A pass works each zone's {@code RateLimitedTimedQueue.Try}: a token is
 * spent before the head is looked at (a head that turns out Ready costs one), and the action runs
 * on the loop's own goroutine, so the loop looks at the next head only once the write's requests
 * were sent and answered ({@link TaintWriter}: waiting for client tokens, or for an API server that
 * is down). A write that fails (the request timed out) leaves the node queued: Try tries it again.
 * Before 1.25 the pass holds the {@link EvictorLock} from its start to its end.
 */
final class ZoneTaintingWorker implements TaintWriter.Waiter, EvictorLock.Waiter {
    /** {@code scheduler.NodeEvictionPeriod}: the loop's period. */
    static final long PERIOD = 100 * SimTime.MILLISECOND;
    private final NodeObjects nodes;
    private final NodeLifecycleSettings settings;
    private final ZoneQueues queues;
    private final TaintWriter taints;
    private final DeletePods deletePods;
    private final EvictorLock lock;
    /** The controller's node informer cache of the Ready condition (the nodeLister). */
    private final byte[] observedReady;
    private final Simulation sim;
    private final int tickKind;
    private boolean running;
    /** All queues were empty when the last pass ended, so no pass is scheduled until work is queued. */
    private boolean idle;
    /** When the last pass returned: the next one starts a period later. */
    private long lastPassEnd;
    private long tickHandle = EventQueue.NO_HANDLE;
    /** The zone whose queue the pass in progress works on. */
    private int zone;

    ZoneTaintingWorker(Simulation sim, ClusterState cluster, NodeLifecycleSettings settings, ZoneQueues queues,
            TaintWriter taints, DeletePods deletePods, byte[] observedReady, EvictorLock lock) {
        this.sim = sim;
        this.nodes = cluster.nodes();
        this.settings = settings;
        this.queues = queues;
        this.taints = taints;
        this.deletePods = deletePods;
        this.lock = lock;
        this.observedReady = observedReady;
        this.tickKind = sim.registerKind("nodelifecycle.noExecuteTainting", (t, now) -> pass(now));
    }

    /** Starts the loop: its first pass at {@code at}. */
    void start(long at) {
        running = true;
        idle = false;
        tickHandle = sim.schedule(at, tickKind, 0);
    }

    /** The process stops; a write in progress is abandoned with the controller's requests. */
    void stop() {
        running = false;
        idle = false;
        sim.cancel(tickHandle);
        deletePods.stop();
    }

    private void pass(long now) {
        zone = 0;
        if (lock.acquire(this, 0)) {
            resume(now);
        }
    }

    @Override
    public void granted(int token, long now) {
        if (running) {
            resume(now);
        } else {
            lock.release(now);
        }
    }

    /** Works the queues from the current zone on, until the pass ends or a write blocks it. */
    private void resume(long now) {
        for (; zone < queues.zones(); zone++) {
            RateLimitedTimedQueue q = queues.queue(zone);
            while (q.size() > 0 && q.tryAccept(now)) {
                if (!act(q.head(), now)) {
                    return;
                }
            }
        }
        passEnded(now);
    }

    private void passEnded(long now) {
        lastPassEnd = now;
        lock.release(now);
        if (queues.allEmpty()) {
            // A pass on empty queues does nothing (no token is taken): the loop skips them until
            // work is queued, and resumes on the grid of its last pass's end.
            idle = true;
            tickHandle = EventQueue.NO_HANDLE;
            return;
        }
        tickHandle = sim.schedule(now + PERIOD, tickKind, 0);
    }

    /**
     * A node was queued at {@code now}: an idle loop's next pass is the first of its 100 ms grid
     * after its last pass ended, which is now itself when one falls due at this instant (the
     * monitor pass that queues runs before it).
     */
    void workQueued(long now) {
        if (!running || !idle) {
            return;
        }
        idle = false;
        long ticks = Math.max(1, Math.floorDiv(now - lastPassEnd + PERIOD - 1, PERIOD));
        tickHandle = sim.schedule(lastPassEnd + ticks * PERIOD, tickKind, 0);
    }

    /** The queue's ActionFunc for the head: false while its write blocks the loop. */
    private boolean act(int node, long now) {
        if (nodes.deleted(node)) {
            queues.processed(node);
            return true;
        }
        boolean done;
        if (settings.taintBased()) {
            int wanted = ControllerTaints.noExecuteFor(observedReady[node]);
            if (wanted == 0) {
                // Ready again: no need to taint it.
                queues.processed(node);
                return true;
            }
            done = taints.write(node, wanted, ControllerTaints.NODE_CONTROLLER_NO_EXECUTE & ~wanted, now, this, node);
        } else {
            done = deletePods.delete(node, now, this);
        }
        if (done) {
            queues.processed(node);
        }
        return done;
    }

    /**
     * The blocked write ended: on success the node leaves the heap; on failure it stays for a retry,
     * behind the nodes queued so far ({@code RateLimitedTimedQueue.Try} replaces it with ProcessAt
     * = now + 1 ns).
     */
    @Override
    public void written(int node, boolean ok, long now) {
        if (!running) {
            return;
        }
        if (ok) {
            queues.processed(node);
        } else {
            queues.retryLater(node);
        }
        resume(now);
    }
}
