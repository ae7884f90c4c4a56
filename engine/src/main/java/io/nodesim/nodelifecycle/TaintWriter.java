package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.Samples;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.kernel.Simulation;
import java.util.Arrays;

/**
 * {@code SwapNodeControllerTaint} / {@code RemoveTaintOffNode} of pkg/controller/util/node: the
 * node controller's taint writes, which fail while the API server is down, and the
 * time-to-NoExecute sample of each NoExecute episode they start.
 *
 * <p>Each goes through the controller's client limiter ({@link ApiClient}): {@code
 * AddOrUpdateTaintOnNode} is a GET and, when the taint is new, a PATCH; {@code RemoveTaintOffNode}
 * sends nothing when the node has none of the taints, else a GET and a PATCH
 * (pkg/controller/controller_utils.go). A write whose requests must wait for tokens lands on the
 * node when its last request is sent.
 */
final class TaintWriter {
    private final ClusterState cluster;
    private final Samples samples;
    private final ApiClient client;
    private final Simulation sim;
    private final int landKind;
    /** Writes waiting for the limiter, by slot: node, bits to add, bits to remove. */
    private int[] waitingNode = new int[8];
    private int[] waitingAdd = new int[8];
    private int[] waitingRemove = new int[8];
    private boolean[] waiting = new boolean[8];
    private long[] waitingHandle = new long[8];

    TaintWriter(Simulation sim, ClusterState cluster, Samples samples, ApiClient client) {
        this.sim = sim;
        this.cluster = cluster;
        this.samples = samples;
        this.client = client;
        this.landKind = sim.registerKind("nodelifecycle.taintWriteSent", this::land);
    }

    /**
     * Adds the {@code add} bits and removes the {@code remove} bits, now or once the limiter lets
     * the requests go; false when the API server is down.
     */
    boolean swap(int node, int add, int remove, long now) {
        if (!cluster.controlPlane().isUp(now)) {
            return false;
        }
        int before = cluster.nodes().taints(node);
        int requests = (add == 0 ? 0 : (before & add) == add ? 1 : 2) + ((before & remove) == 0 ? 0 : 2);
        long sent = requests == 0 ? now : client.send(now, requests);
        if (sent == now) {
            apply(node, add, remove, now);
            return true;
        }
        int slot = freeSlot();
        waiting[slot] = true;
        waitingNode[slot] = node;
        waitingAdd[slot] = add;
        waitingRemove[slot] = remove;
        waitingHandle[slot] = sim.schedule(sent, landKind, slot);
        return true;
    }

    private int freeSlot() {
        for (int slot = 0; slot < waiting.length; slot++) {
            if (!waiting[slot]) {
                return slot;
            }
        }
        int old = waiting.length;
        waiting = Arrays.copyOf(waiting, old * 2);
        waitingNode = Arrays.copyOf(waitingNode, old * 2);
        waitingAdd = Arrays.copyOf(waitingAdd, old * 2);
        waitingRemove = Arrays.copyOf(waitingRemove, old * 2);
        waitingHandle = Arrays.copyOf(waitingHandle, old * 2);
        return old;
    }

    /** The process stops: the writes still waiting for the limiter are never sent. */
    void stop() {
        for (int slot = 0; slot < waiting.length; slot++) {
            if (waiting[slot]) {
                sim.cancel(waitingHandle[slot]);
                waiting[slot] = false;
            }
        }
    }

    private void land(int slot, long now) {
        int node = waitingNode[slot];
        int add = waitingAdd[slot];
        int remove = waitingRemove[slot];
        waiting[slot] = false;
        if (!cluster.nodes().deleted(node)) {
            apply(node, add, remove, now);
        }
    }

    private void apply(int node, int add, int remove, long now) {
        int before = cluster.nodes().taints(node);
        int after = (before | add) & ~remove;
        if (after == before) {
            return;
        }
        cluster.setNodeTaints(node, after, now);
        // A swap between unreachable and not-ready continues the same NoExecute episode.
        if ((before & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) == 0
                && (after & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) != 0) {
            samples.addSince(Samples.TIME_TO_NOEXECUTE_TAINT, cluster.nodes().causeAt(node), now);
        }
    }
}
