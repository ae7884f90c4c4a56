package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.NodeObjects;
import java.util.Arrays;

/**
 * The node lifecycle controller's {@code nodeUpdateQueue} and its {@code doNodeProcessingPassWorker}
 * goroutines (node_lifecycle_controller.go; {@code doNoScheduleTaintingPassWorker} before 1.19):
 * {@code nodeUpdateWorkerSize} = 8 workers ({@code scheduler.UpdateWorkerSize} in every version
 * modelled) each take a node and run {@code doNoScheduleTaintingPass}, which makes the NoSchedule
 * taints follow the Ready condition in the node informer's cache, then take the next. The taint
 * write blocks its worker ({@link TaintWriter}). A write that fails is only logged (upstream's
 * "TODO(k82cn): Add nodeName back to the queue"): the node is looked at again at its next update
 * (here: its next Ready condition or taint change the informer delivers).
 *
 * <p>The queue is client-go's workqueue: a node queued is not queued twice, and a node queued while
 * a worker holds it waits until that worker is done with it. A stopped process takes no update; a new
 * one queues every node its informer lists ({@code AddFunc}), so a Ready condition that changed while no
 * instance ran gets its taints at once.
 */
final class NoScheduleTainting implements TaintWriter.Waiter {
    /** {@code nodeUpdateWorkerSize}. */
    static final int WORKERS = 8;

    private final NodeObjects nodes;
    private final TaintWriter taints;
    /** The node informer's cache of the Ready condition (the nodeLister). */
    private final byte[] observedReady;
    private int[] fifo = new int[16];
    private int head;
    private int size;
    private final boolean[] queued;
    private final boolean[] processing;
    /** A failed write's node, looked at again at its next update. */
    private final boolean[] dropped;
    private int busy;
    private boolean running = true;

    NoScheduleTainting(NodeObjects nodes, TaintWriter taints, byte[] observedReady) {
        this.nodes = nodes;
        this.taints = taints;
        this.observedReady = observedReady;
        int n = nodes.count();
        queued = new boolean[n];
        processing = new boolean[n];
        dropped = new boolean[n];
    }

    /** The informer delivered an update of the node: {@code nodeUpdateQueue.Add}. */
    void nodeUpdated(int node, long now) {
        if (!running) {
            return;
        }
        dropped[node] = false;
        add(node);
        work(now);
    }

    /** Whether a failed write left the node to be looked at again at its next update. */
    boolean awaitsUpdate(int node) {
        return dropped[node];
    }

    private void add(int node) {
        if (queued[node]) {
            return;
        }
        queued[node] = true;
        if (processing[node]) {
            // Dirty: queued again when its worker is done with it.
            return;
        }
        push(node);
    }

    private void push(int node) {
        if (size == fifo.length) {
            int[] bigger = new int[size * 2];
            for (int k = 0; k < size; k++) {
                bigger[k] = fifo[(head + k) % fifo.length];
            }
            fifo = bigger;
            head = 0;
        }
        fifo[(head + size) % fifo.length] = node;
        size++;
    }

    /** Idle workers take the queued nodes. */
    private void work(long now) {
        while (busy < WORKERS && size > 0) {
            int node = fifo[head];
            head = (head + 1) % fifo.length;
            size--;
            queued[node] = false;
            processing[node] = true;
            busy++;
            if (pass(node, now)) {
                done(node);
            }
        }
    }

    /** {@code doNoScheduleTaintingPass}: false while the worker is blocked on the taint write. */
    private boolean pass(int node, long now) {
        if (nodes.deleted(node)) {
            return true;
        }
        int wanted = ControllerTaints.noScheduleFor(observedReady[node]);
        int present = nodes.taints(node) & ControllerTaints.NO_SCHEDULE_MASK;
        if (wanted == present) {
            return true;
        }
        return taints.write(node, wanted, ControllerTaints.NO_SCHEDULE_MASK & ~wanted, now, this, node);
    }

    @Override
    public void written(int node, boolean ok, long now) {
        if (!ok) {
            dropped[node] = true;
        }
        done(node);
        work(now);
    }

    /** {@code nodeUpdateQueue.Done}. */
    private void done(int node) {
        processing[node] = false;
        busy--;
        if (queued[node]) {
            push(node);
        }
    }

    /** A new process's informer has listed the nodes: each existing one is queued, in list order. */
    void start(long now) {
        running = true;
        for (int node = 0; node < nodes.count(); node++) {
            if (nodes.exists(node, now) && !nodes.deleted(node)) {
                add(node);
            }
        }
        work(now);
    }

    /** The process stops: the queue and its workers are gone. */
    void stop() {
        running = false;
        Arrays.fill(queued, false);
        Arrays.fill(processing, false);
        Arrays.fill(dropped, false);
        head = 0;
        size = 0;
        busy = 0;
    }
}
