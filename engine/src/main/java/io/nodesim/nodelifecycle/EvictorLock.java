package io.nodesim.nodelifecycle;

import java.util.Arrays;

/**
 * The node lifecycle controller's {@code evictorLock} (node_lifecycle_controller.go), as it mattered
 * before 1.25: {@code doNoExecuteTaintingPass} and {@code doEvictionPass} held it over their whole
 * pass, API calls included, and {@code markNodeAsReachable} over its {@code RemoveTaintOffNode}
 * calls, while every monitor-pass decision takes it ({@code markNodeForTainting},
 * {@code markNodeAsReachable}, {@code evictPods}, {@code cancelPodEviction}): a pass worker waits
 * whenever the tainting loop is blocked on a write (issue #110341: "Adding it to the Taint queue" 20 s
 * after the decision). PR #110359 (1.25) holds it around the queues only; from then on nothing
 * waits for it, and this lock is never held ({@code enabled} false).
 *
 * <p>Waiters get it in the order they asked (sync.Mutex's starvation mode hands it over directly
 * to a waiter that waited over 1 ms), at the time it is released.
 */
final class EvictorLock {
    /** A goroutine waiting for the lock; it holds it when called. */
    interface Waiter {
        void granted(int token, long now);
    }

    private final boolean enabled;
    private boolean held;
    private Waiter[] waiter = new Waiter[4];
    private int[] token = new int[4];
    private int head;
    private int size;

    EvictorLock(boolean enabled) {
        this.enabled = enabled;
    }

    /** Lock: true when the caller holds it now; otherwise {@code w.granted(t, at)} follows. */
    boolean acquire(Waiter w, int t) {
        if (!enabled) {
            return true;
        }
        if (!held) {
            held = true;
            return true;
        }
        if (size == waiter.length) {
            Waiter[] w2 = new Waiter[size * 2];
            int[] t2 = new int[size * 2];
            for (int k = 0; k < size; k++) {
                w2[k] = waiter[(head + k) % waiter.length];
                t2[k] = token[(head + k) % waiter.length];
            }
            waiter = w2;
            token = t2;
            head = 0;
        }
        int tail = (head + size) % waiter.length;
        waiter[tail] = w;
        token[tail] = t;
        size++;
        return false;
    }

    /** Unlock: the first waiter, if any, holds it from now. */
    void release(long now) {
        if (!enabled) {
            return;
        }
        if (size == 0) {
            held = false;
            return;
        }
        Waiter w = waiter[head];
        int t = token[head];
        waiter[head] = null;
        head = (head + 1) % waiter.length;
        size--;
        w.granted(t, now);
    }

    /** Whether another goroutine would have to wait for it now. */
    boolean held() {
        return held;
    }

    /** The process stops: no goroutine holds or waits for it. */
    void clear() {
        held = false;
        Arrays.fill(waiter, null);
        head = 0;
        size = 0;
    }
}
