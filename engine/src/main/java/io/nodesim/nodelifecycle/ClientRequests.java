package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.Simulation;
import java.util.Arrays;

/**
 * One request of the node lifecycle controller as its calling goroutine sees it: client-go's
 * {@code request.Do} first waits for the client limiter ({@code tryThrottle}: {@code rate.Limiter.Wait}
 * blocks until the reserved token is due), then for the API server's answer. During an API-server
 * outage the request hangs until the server answers again, or fails after the 1 min request timeout.
 * The caller is blocked all that time; a request reserves its token only when it is made, so the
 * requests of one call (a GET and its PATCH) queue behind whatever was reserved in between.
 */
final class ClientRequests {
    /** How a blocked caller goes on: {@code ok} is false when the request failed (timed out). */
    interface Caller {
        void answered(int arg, boolean ok, long now);
    }

    private static final int DUE = 1;
    private static final int HUNG = 2;
    private static final int ANSWERED = 3;

    private final Simulation sim;
    private final ClusterState cluster;
    private final ApiClient client;
    private final int kind;
    private Caller[] caller = new Caller[8];
    private int[] arg = new int[8];
    private int[] state = new int[8];
    private long[] handle = new long[8];

    ClientRequests(Simulation sim, ClusterState cluster, ApiClient client) {
        this.sim = sim;
        this.cluster = cluster;
        this.client = client;
        this.kind = sim.registerKind("nodelifecycle.requestProgress", this::progress);
        Arrays.fill(handle, EventQueue.NO_HANDLE);
        cluster.informers().watchApiServer(this::apiServerRecovered);
    }

    /**
     * Makes a request at {@code now}: true when it went out and was answered at once; false when
     * the caller is blocked until {@code c.answered(a, ok, t)}.
     */
    boolean send(long now, Caller c, int a) {
        long sent = client.send(now, 1);
        if (sent == now && cluster.controlPlane().isUp(now)) {
            return true;
        }
        int slot = freeSlot();
        caller[slot] = c;
        arg[slot] = a;
        if (sent > now) {
            state[slot] = DUE;
            handle[slot] = sim.schedule(sent, kind, slot);
        } else {
            hang(slot, now);
        }
        return false;
    }

    private void hang(int slot, long now) {
        state[slot] = HUNG;
        handle[slot] = sim.schedule(now + NodeLifecycleSettings.REQUEST_TIMEOUT, kind, slot);
    }

    private void progress(int slot, long now) {
        if (state[slot] == DUE && !cluster.controlPlane().isUp(now)) {
            hang(slot, now);
            return;
        }
        boolean ok = state[slot] != HUNG;
        Caller c = caller[slot];
        caller[slot] = null;
        handle[slot] = EventQueue.NO_HANDLE;
        c.answered(arg[slot], ok, now);
    }

    /** The API server answers again: every hung request gets its answer now. */
    private void apiServerRecovered(long now) {
        for (int slot = 0; slot < caller.length; slot++) {
            if (caller[slot] != null && state[slot] == HUNG) {
                state[slot] = ANSWERED;
                sim.reschedule(handle[slot], now);
            }
        }
    }

    /** The process stops: no blocked caller goes on. */
    void stop() {
        for (int slot = 0; slot < caller.length; slot++) {
            if (caller[slot] != null) {
                sim.cancel(handle[slot]);
                caller[slot] = null;
                handle[slot] = EventQueue.NO_HANDLE;
            }
        }
    }

    private int freeSlot() {
        for (int slot = 0; slot < caller.length; slot++) {
            if (caller[slot] == null) {
                return slot;
            }
        }
        int old = caller.length;
        caller = Arrays.copyOf(caller, old * 2);
        arg = Arrays.copyOf(arg, old * 2);
        state = Arrays.copyOf(state, old * 2);
        handle = Arrays.copyOf(handle, old * 2);
        Arrays.fill(handle, old, old * 2, EventQueue.NO_HANDLE);
        return old;
    }
}
