package io.nodesim.nodelifecycle;

import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.Simulation;
import java.util.Arrays;

/**
 * The workers of one monitor pass: {@code workqueue.ParallelizeUntil(ctx, nodeUpdateWorkerSize,
 * len(nodes), updateNodeFunc)} (node_lifecycle_controller.go, PR #114296, 1.27+; one worker, the
 * serial loop, before). A worker holds one node until that node's writes are done; a worker whose
 * write waits (for the client limiter, or for the API server) sleeps until a kernel event at the
 * time it is answered. A worker's state is the node, the step it waits in and the pod it writes.
 */
final class PassWorkers {
    static final int IDLE = -1;
    /** The node's Unknown UpdateStatus waits for its token. */
    static final int HEALTH_SENT = 1;
    /** A MarkPodsNotReady UpdateStatus waits for its token. */
    static final int POD_SENT = 2;
    /** A MarkPodsNotReady UpdateStatus blocked by the API server is answered. */
    static final int POD_ANSWERED = 3;
    /** A MarkPodsNotReady UpdateStatus blocked by the API server timed out. */
    static final int POD_FAILED = 4;
    /** processTaintBaseEviction's SwapNodeControllerTaint blocks the worker ({@link TaintWriter}). */
    static final int TAINT_SWAP = 5;
    /** markNodeAsReachable's RemoveTaintOffNode blocks the worker. */
    static final int REACHABLE_WRITE = 6;
    /** The worker waits for the {@link EvictorLock} (before 1.25). */
    static final int EVICTOR_LOCK = 7;

    private final Simulation sim;
    private final int concurrency;
    private final int kind;
    int[] node;
    int[] step;
    int[] pod;
    byte[] observed;
    /** The node's Ready condition after its health update, while the worker waits for a taint write. */
    byte[] current;
    boolean[] podWriteFailed;
    private long[] handle;
    private int busy;
    /** How many workers hold each node: a pass's, and one finishing a blocked write after it. */
    private final int[] holders;

    PassWorkers(Simulation sim, int concurrency, int kind, int nodes) {
        this.sim = sim;
        this.concurrency = concurrency;
        this.kind = kind;
        holders = new int[nodes];
        grow(concurrency);
    }

    private void grow(int size) {
        int old = node == null ? 0 : node.length;
        node = node == null ? new int[size] : Arrays.copyOf(node, size);
        step = step == null ? new int[size] : Arrays.copyOf(step, size);
        pod = pod == null ? new int[size] : Arrays.copyOf(pod, size);
        observed = observed == null ? new byte[size] : Arrays.copyOf(observed, size);
        current = current == null ? new byte[size] : Arrays.copyOf(current, size);
        podWriteFailed = podWriteFailed == null ? new boolean[size] : Arrays.copyOf(podWriteFailed, size);
        handle = handle == null ? new long[size] : Arrays.copyOf(handle, size);
        Arrays.fill(node, old, size, IDLE);
        Arrays.fill(handle, old, size, EventQueue.NO_HANDLE);
    }

    /** Whether the pass may hand a worker its next node. */
    boolean canTake() {
        return busy < concurrency;
    }

    boolean allIdle() {
        return busy == 0;
    }

    /**
     * A worker for {@code n}: an idle one, or (for a write the API server answers outside any pass)
     * a new one beyond the pass's concurrency.
     */
    int take(int n) {
        int w = 0;
        while (w < node.length && node[w] != IDLE) {
            w++;
        }
        if (w == node.length) {
            grow(node.length * 2);
        }
        node[w] = n;
        step[w] = IDLE;
        podWriteFailed[w] = false;
        busy++;
        holders[n]++;
        return w;
    }

    void release(int w) {
        holders[node[w]]--;
        node[w] = IDLE;
        busy--;
    }

    /** Whether a worker holds the node (its writes are not all done). */
    boolean holds(int n) {
        return holders[n] > 0;
    }

    /** The worker sleeps in {@code waitStep} until {@code at}. */
    void sleep(int w, int waitStep, long at) {
        step[w] = waitStep;
        handle[w] = sim.schedule(at, kind, w);
    }

    /**
     * The API server answers again: a MarkPodsNotReady UpdateStatus still blocked (it would time out
     * later) gets its answer now. The outage's end is not known while it lasts, so such a write was
     * put to sleep until its request timeout.
     */
    void answerBlockedPodWrites(long now) {
        for (int w = 0; w < node.length; w++) {
            if (node[w] != IDLE && step[w] == POD_FAILED && sim.isPending(handle[w])) {
                step[w] = POD_ANSWERED;
                sim.reschedule(handle[w], now);
            }
        }
    }

    /** The process stops: every worker is gone. */
    void clear() {
        for (int w = 0; w < node.length; w++) {
            sim.cancel(handle[w]);
            node[w] = IDLE;
        }
        busy = 0;
        Arrays.fill(holders, 0);
    }
}
