package io.nodesim.cluster;

import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.NodeGroup;
import java.util.Arrays;
import java.util.Map;

/**
 * Every Node object of the cluster as the API server holds it (Ready condition, taints, deletion),
 * one index per node of the {@link Topology}, in private primitive arrays; each controller keeps
 * its own cache elsewhere. Writes that watchers care about go through {@link ClusterState}, which
 * publishes them on its {@link InformerBus}. The first-occurrence times ({@link #failedAt} ...)
 * are kept for nodes.csv.
 */
public final class NodeObjects {
    private final Topology topology;
    private final byte[] ready;
    private final long[] readyTransition;
    private final int[] taints;
    private final boolean[] containersRunning;
    private final boolean[] deleted;
    private final long[] createdAt;
    private final long[] causeAt;
    private final long[] failedAt;
    private final long[] unknownAt;
    private final long[] noScheduleTaintAt;
    private final long[] noExecuteTaintAt;
    private final long[] readyAgainAt;

    /**
     * The nodes of t = 0 exist, Ready; a node that joins during the run is created at its join time
     * without a Ready condition and with the not-ready NoSchedule taint of its creation.
     */
    public NodeObjects(Topology topology) {
        this.topology = topology;
        int count = topology.size();
        ready = new byte[count];
        readyTransition = new long[count];
        taints = new int[count];
        containersRunning = new boolean[count];
        Arrays.fill(containersRunning, true);
        deleted = new boolean[count];
        createdAt = new long[count];
        for (int i = 0; i < count; i++) {
            createdAt[i] = topology.joinAt(i);
            if (topology.joins(i)) {
                ready[i] = Condition.NONE;
                taints[i] = ControllerTaints.noScheduleFor(Condition.NONE);
            }
        }
        causeAt = never(count);
        failedAt = never(count);
        unknownAt = never(count);
        noScheduleTaintAt = never(count);
        noExecuteTaintAt = never(count);
        readyAgainAt = never(count);
    }

    private static long[] never(int n) {
        long[] a = new long[n];
        Arrays.fill(a, SimTime.NEVER);
        return a;
    }

    public Topology topology() {
        return topology;
    }

    public int count() {
        return ready.length;
    }

    public String name(int node) {
        return topology.name(node);
    }

    public int zone(int node) {
        return topology.zone(node);
    }

    public Map<String, String> labels(int node) {
        return topology.labels(node);
    }

    /** Ready condition status ({@link Condition}). */
    public byte ready(int node) {
        return ready[node];
    }

    /** When the Ready condition last changed. */
    public long readyTransition(int node) {
        return readyTransition[node];
    }

    void setReady(int node, byte status, long now) {
        ready[node] = status;
        readyTransition[node] = now;
    }

    /** Taint bits ({@link ControllerTaints}). */
    public int taints(int node) {
        return taints[node];
    }

    public boolean hasTaint(int node, int bit) {
        return (taints[node] & bit) != 0;
    }

    void setTaints(int node, int bits) {
        taints[node] = bits;
    }

    /** The machine and its containers run (false after a crash, true again after the reboot). */
    public boolean containersRunning(int node) {
        return containersRunning[node];
    }

    public void setContainersRunning(int node, boolean running) {
        containersRunning[node] = running;
    }

    public boolean deleted(int node) {
        return deleted[node];
    }

    void markDeleted(int node) {
        deleted[node] = true;
    }

    /** When the Node object was created ({@link NodeGroup#BEFORE_START} for the nodes of t = 0). */
    public long createdAt(int node) {
        return createdAt[node];
    }

    /** True when the Node object exists at {@code t} (it may still lack a status). */
    public boolean exists(int node, long t) {
        return createdAt[node] <= t;
    }

    /** Start of the latest fault that hit the node: what its delays are measured from. */
    public long causeAt(int node) {
        return causeAt[node];
    }

    /** A fault hit the node at {@code now}: later delays are measured from here. */
    public void setCause(int node, long now) {
        causeAt[node] = now;
    }

    /** A fault hit the node: its cause, and its first failure time unless it had one. */
    public void markFailed(int node, long now) {
        causeAt[node] = now;
        if (failedAt[node] == SimTime.NEVER) {
            failedAt[node] = now;
        }
    }

    public long failedAt(int node) {
        return failedAt[node];
    }

    public long unknownAt(int node) {
        return unknownAt[node];
    }

    public long noScheduleTaintAt(int node) {
        return noScheduleTaintAt[node];
    }

    public long noExecuteTaintAt(int node) {
        return noExecuteTaintAt[node];
    }

    public long readyAgainAt(int node) {
        return readyAgainAt[node];
    }

    void firstUnknown(int node, long now) {
        if (unknownAt[node] == SimTime.NEVER) {
            unknownAt[node] = now;
        }
    }

    void firstNoScheduleTaint(int node, long now) {
        if (noScheduleTaintAt[node] == SimTime.NEVER) {
            noScheduleTaintAt[node] = now;
        }
    }

    void firstNoExecuteTaint(int node, long now) {
        if (noExecuteTaintAt[node] == SimTime.NEVER) {
            noExecuteTaintAt[node] = now;
        }
    }

    /** Ready again after it had been Unknown: the first time counts. */
    void firstReadyAgain(int node, long now) {
        if (readyAgainAt[node] == SimTime.NEVER && unknownAt[node] != SimTime.NEVER) {
            readyAgainAt[node] = now;
        }
    }

    /**
     * True when the node had a fault, joined during the run or its Ready condition changed: it
     * gets a nodes.csv row.
     */
    public boolean touched(int node) {
        return createdAt[node] != NodeGroup.BEFORE_START || failedAt[node] != SimTime.NEVER || unknownAt[node] != SimTime.NEVER
                || noScheduleTaintAt[node] != SimTime.NEVER || noExecuteTaintAt[node] != SimTime.NEVER;
    }
}
