package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.Samples;
import java.util.Arrays;

/**
 * {@code SwapNodeControllerTaint} of pkg/controller/util/node and {@code RemoveTaintOffNode} of
 * pkg/controller/controller_utils.go: the node controller's taint writes, made synchronously by
 * their caller, and the time-to-NoExecute sample of each NoExecute episode they start.
 *
 * <p>{@code AddOrUpdateTaintOnNode} is a GET (ResourceVersion 0) and, when the node lacks a taint
 * to add, a PATCH; {@code RemoveTaintOffNode} sends nothing when the caller's copy of the node has
 * none of the taints, else a GET and, when the node still has one, a PATCH. Each request is a
 * {@link ClientRequests} request: the caller is blocked while it waits for its token, and while it
 * waits for an API server that is down; a request that times out fails the write (the rest of the
 * swap is not attempted), as does a node deleted meanwhile. A PATCH lands when it is sent; the
 * patches of one write sent at one instant land as one change.
 */
final class TaintWriter {
    /** The caller of a write that did not complete at once: {@code ok} as SwapNodeControllerTaint's result. */
    interface Waiter {
        void written(int token, boolean ok, long now);
    }

    private static final int ADD_GET = 0;
    private static final int ADD_PATCH = 1;
    private static final int REMOVE_GET = 2;
    private static final int REMOVE_PATCH = 3;
    private static final int DONE = 4;

    private final ClusterState cluster;
    private final Samples samples;
    private final ClientRequests requests;
    private final ClientRequests.Caller resume = this::requestAnswered;
    /** Writes in progress, by slot. */
    private Waiter[] waiter = new Waiter[8];
    private int[] token = new int[8];
    private int[] node = new int[8];
    private int[] add = new int[8];
    private int[] remove = new int[8];
    private int[] step = new int[8];
    /** Whether the caller's copy of the node had a taint to remove (RemoveTaintOffNode's short circuit). */
    private boolean[] removeWanted = new boolean[8];
    /** Patched bits not applied yet: they land together when the write next waits or ends. */
    private int[] patchedAdd = new int[8];
    private int[] patchedRemove = new int[8];

    TaintWriter(ClusterState cluster, Samples samples, ClientRequests requests) {
        this.cluster = cluster;
        this.samples = samples;
        this.requests = requests;
        Arrays.fill(step, -1);
    }

    /**
     * Adds the {@code add} bits and removes the {@code remove} bits (none to add: RemoveTaintOffNode),
     * as the caller's goroutine does: true when the write ended at once (every request answered at
     * once; it can only fail then for a node already deleted); false when the caller is blocked
     * until {@code w.written(t, ok, at)}.
     */
    boolean write(int n, int addBits, int removeBits, long now, Waiter w, int t) {
        int slot = freeSlot();
        node[slot] = n;
        add[slot] = addBits;
        remove[slot] = removeBits;
        removeWanted[slot] = (cluster.nodes().taints(n) & removeBits) != 0;
        patchedAdd[slot] = 0;
        patchedRemove[slot] = 0;
        step[slot] = addBits != 0 ? ADD_GET : removeWanted[slot] ? REMOVE_GET : DONE;
        if (run(slot, now)) {
            release(slot);
            return true;
        }
        waiter[slot] = w;
        token[slot] = t;
        return false;
    }

    /** Sends the write's requests from its current step on: true when it ended (DONE, or failed), false while blocked. */
    private boolean run(int slot, long now) {
        while (step[slot] != DONE) {
            if (!requests.send(now, resume, slot)) {
                flush(slot, now);
                return false;
            }
            if (!answered(slot, now)) {
                break;
            }
        }
        flush(slot, now);
        return true;
    }

    /** The current step's request was answered at {@code now}: false when the write failed. */
    private boolean answered(int slot, long now) {
        int n = node[slot];
        if (cluster.nodes().deleted(n)) {
            return false;
        }
        int taints = (cluster.nodes().taints(n) | patchedAdd[slot]) & ~patchedRemove[slot];
        switch (step[slot]) {
            case ADD_GET -> step[slot] = (taints & add[slot]) == add[slot] ? afterAdd(slot) : ADD_PATCH;
            case ADD_PATCH -> {
                patchedAdd[slot] |= add[slot];
                step[slot] = afterAdd(slot);
            }
            case REMOVE_GET -> step[slot] = (taints & remove[slot]) == 0 ? DONE : REMOVE_PATCH;
            case REMOVE_PATCH -> {
                patchedRemove[slot] |= remove[slot];
                patchedAdd[slot] &= ~remove[slot];
                step[slot] = DONE;
            }
            default -> throw new IllegalStateException("no request in step " + step[slot]);
        }
        return true;
    }

    private int afterAdd(int slot) {
        return removeWanted[slot] ? REMOVE_GET : DONE;
    }

    private void requestAnswered(int slot, boolean ok, long now) {
        boolean ended = !ok || !answered(slot, now) || run(slot, now);
        if (!ended) {
            return;
        }
        flush(slot, now);
        boolean succeeded = ok && step[slot] == DONE;
        Waiter w = waiter[slot];
        int t = token[slot];
        release(slot);
        w.written(t, succeeded, now);
    }

    private void flush(int slot, long now) {
        int a = patchedAdd[slot];
        int r = patchedRemove[slot];
        patchedAdd[slot] = 0;
        patchedRemove[slot] = 0;
        if (a != 0 || r != 0) {
            apply(node[slot], a, r, now);
        }
    }

    private void apply(int n, int a, int r, long now) {
        int before = cluster.nodes().taints(n);
        int after = (before | a) & ~r;
        if (after == before) {
            return;
        }
        cluster.setNodeTaints(n, after, now);
        // A swap between unreachable and not-ready continues the same NoExecute episode.
        if ((before & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) == 0
                && (after & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) != 0) {
            samples.addSince(Samples.TIME_TO_NOEXECUTE_TAINT, cluster.nodes().causeAt(n), now);
        }
    }

    private void release(int slot) {
        waiter[slot] = null;
        step[slot] = -1;
    }

    /** The process stops: the writes in progress are abandoned (their requests are cancelled by {@link ClientRequests#stop}). */
    void stop() {
        for (int slot = 0; slot < step.length; slot++) {
            release(slot);
        }
    }

    private int freeSlot() {
        for (int slot = 0; slot < step.length; slot++) {
            if (step[slot] == -1) {
                return slot;
            }
        }
        int old = step.length;
        int size = old * 2;
        waiter = Arrays.copyOf(waiter, size);
        token = Arrays.copyOf(token, size);
        node = Arrays.copyOf(node, size);
        add = Arrays.copyOf(add, size);
        remove = Arrays.copyOf(remove, size);
        step = Arrays.copyOf(step, size);
        Arrays.fill(step, old, size, -1);
        removeWanted = Arrays.copyOf(removeWanted, size);
        patchedAdd = Arrays.copyOf(patchedAdd, size);
        patchedRemove = Arrays.copyOf(patchedRemove, size);
        return old;
    }
}
