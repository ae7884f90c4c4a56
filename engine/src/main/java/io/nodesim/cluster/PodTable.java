package io.nodesim.cluster;

import io.nodesim.kernel.SimTime;
import java.util.Arrays;

/**
 * Every pod, one index per pod, in private parallel primitive arrays that grow as pods are created
 * (so nobody may keep an alias of one: read through the accessors). A
 * pod's tolerations of the node-controller taints live in its {@link WorkloadInfo} (compiled once
 * per template), so a pod row holds only what changes.
 *
 * <p>A pod's life: created Pending ({@link #node} = -1, not on any node list), bound to a node
 * (linked into the node's list, {@link #firstOnNode} / {@link #nextOnNode}), started (its containers ran at least once), given a deletion
 * timestamp, and finally gone (the API object removed: unlinked, {@link #goneAt} set). Pods that
 * exist at t = 0 start bound, started and Ready.
 */
public final class PodTable {
    private int count;
    private String[] names;
    private int[] node;
    private int[] workload;
    private boolean[] ready;
    private long[] notReadyAt;
    /** The deletion timestamp, {@link SimTime#NEVER} while the pod is not being deleted. */
    private long[] deletedAt;
    /** Deleted while its containers still ran (DESIGN §3's false eviction). */
    private boolean[] falseEviction;
    /** Next pod on the same node, -1 at the end; the heads are {@link #firstPod}. */
    private int[] nextOnNode;
    /** Per node, the head of its list of pods, -1 when empty. */
    private final int[] firstPod;
    private long[] createdAt;
    private long[] scheduledAt;
    private long[] readyAt;
    private long[] goneAt;
    private long[] unschedulableAt;
    private int[] pinnedNode;
    private boolean[] started;
    /** Phase Failed: its containers were terminated by the kubelet (graceful node shutdown). */
    private boolean[] failed;
    private int[] replacement;
    private int[] replaces;

    /**
     * @param capacity the pods of t = 0; an eighth more is kept for the replacements a run creates, so
     *        that a fault of up to an eighth of the pods never copies every column
     */
    public PodTable(int capacity, int nodes) {
        int c = Math.max(16, capacity + capacity / 8);
        names = new String[c];
        node = new int[c];
        workload = new int[c];
        ready = new boolean[c];
        notReadyAt = new long[c];
        deletedAt = new long[c];
        falseEviction = new boolean[c];
        nextOnNode = new int[c];
        createdAt = new long[c];
        scheduledAt = new long[c];
        readyAt = new long[c];
        goneAt = new long[c];
        unschedulableAt = new long[c];
        pinnedNode = new int[c];
        started = new boolean[c];
        failed = new boolean[c];
        replacement = new int[c];
        replaces = new int[c];
        firstPod = new int[nodes];
        Arrays.fill(firstPod, -1);
    }

    public int count() {
        return count;
    }

    /**
     * The length for a per-pod side array (a controller's, indexed like this table) that must hold
     * index {@code pod} and is {@code length} long now: an eighth more than the index, or double,
     * whichever is larger. Such arrays first grow when the first replacement arrives, an index past
     * every pod of t = 0; grown just to that index, the next replacement doubled them again.
     */
    public static int capacityFor(int pod, int length) {
        return Math.max(pod + 1 + pod / 8, length * 2);
    }

    public String name(int pod) {
        return names[pod];
    }

    /** The node the pod is (or was last) bound to, -1 while Pending. */
    public int node(int pod) {
        return node[pod];
    }

    /** The index of its workload in the scenario. */
    public int workload(int pod) {
        return workload[pod];
    }

    /** The pod's Ready condition (written through {@link ClusterState#setPodReady}). */
    public boolean ready(int pod) {
        return ready[pod];
    }

    void setReady(int pod, boolean isReady) {
        ready[pod] = isReady;
    }

    /** The first time the node controller marked it not Ready, NEVER if it never did. */
    public long notReadyAt(int pod) {
        return notReadyAt[pod];
    }

    public void markNotReady(int pod, long now) {
        if (notReadyAt[pod] == SimTime.NEVER) {
            notReadyAt[pod] = now;
        }
    }

    public long deletedAt(int pod) {
        return deletedAt[pod];
    }

    void setDeletedAt(int pod, long now) {
        deletedAt[pod] = now;
    }

    public boolean falseEviction(int pod) {
        return falseEviction[pod];
    }

    void markFalseEviction(int pod) {
        falseEviction[pod] = true;
    }

    /** The first pod on the node's list, -1 when it has none. */
    public int firstOnNode(int nodeIndex) {
        return firstPod[nodeIndex];
    }

    /** The next pod on the same node's list, -1 at its end. */
    public int nextOnNode(int pod) {
        return nextOnNode[pod];
    }

    /** Creation time of a pod created during the run; NEVER for the pods of t = 0. */
    public long createdAt(int pod) {
        return createdAt[pod];
    }

    /** When the binding to its node completed; NEVER for the pods of t = 0 and Pending pods. */
    public long scheduledAt(int pod) {
        return scheduledAt[pod];
    }

    /**
     * The first time the scheduler found no node for the Pending pod (its PodScheduled condition
     * turned False, reason Unschedulable); NEVER when every attempt found one.
     */
    public long unschedulableAt(int pod) {
        return unschedulableAt[pod];
    }

    /**
     * The node a DaemonSet pod created during the run is for (its controller pins it there with a
     * {@code metadata.name} node affinity), -1 for other pods.
     */
    public int pinnedNode(int pod) {
        return pinnedNode[pod];
    }

    void pin(int pod, int node) {
        pinnedNode[pod] = node;
    }

    void markUnschedulable(int pod, long now) {
        if (unschedulableAt[pod] == SimTime.NEVER) {
            unschedulableAt[pod] = now;
        }
    }

    /** The first time a pod created during the run became Ready. */
    public long readyAt(int pod) {
        return readyAt[pod];
    }

    public void setReadyAt(int pod, long now) {
        readyAt[pod] = now;
    }

    /** The API object was removed (force deletion, or the kubelet confirmed the deletion). */
    public long goneAt(int pod) {
        return goneAt[pod];
    }

    /** Its containers have started on its node (kubelet start-up done), so a node Ready again makes it Ready. */
    public boolean started(int pod) {
        return started[pod];
    }

    public void markStarted(int pod) {
        started[pod] = true;
    }

    /** The pod its controller created in its place, -1 when none (yet). */
    public int replacement(int pod) {
        return replacement[pod];
    }

    /** The pod this one replaces, -1 for a pod that replaces none. */
    public int replaces(int pod) {
        return replaces[pod];
    }

    /** Links a new pod to the deleted one it replaces (for pods.csv and the RWO volume hand-over). */
    public void linkReplacement(int old, int created) {
        replacement[old] = created;
        replaces[created] = old;
    }

    /** Adds a Running and Ready pod bound to {@code nodeIndex} (a pod of t = 0); returns its index. */
    public int add(String name, int workloadIndex, int nodeIndex) {
        int p = addPending(name, workloadIndex, SimTime.NEVER);
        started[p] = true;
        ready[p] = true;
        link(p, nodeIndex);
        return p;
    }

    /** Adds a Pending pod (no node yet, not Ready) created at {@code now}; returns its index. */
    public int addPending(String name, int workloadIndex, long now) {
        if (count == names.length) {
            grow();
        }
        int p = count++;
        names[p] = name;
        node[p] = -1;
        workload[p] = workloadIndex;
        ready[p] = false;
        notReadyAt[p] = SimTime.NEVER;
        deletedAt[p] = SimTime.NEVER;
        createdAt[p] = now;
        scheduledAt[p] = SimTime.NEVER;
        readyAt[p] = SimTime.NEVER;
        goneAt[p] = SimTime.NEVER;
        unschedulableAt[p] = SimTime.NEVER;
        pinnedNode[p] = -1;
        replacement[p] = -1;
        replaces[p] = -1;
        nextOnNode[p] = -1;
        failed[p] = false;
        return p;
    }

    /** The binding completed: the pod joins its node's list. */
    void bind(int pod, int nodeIndex, long now) {
        if (node[pod] >= 0) {
            throw new IllegalStateException("pod " + names[pod] + " is already bound");
        }
        scheduledAt[pod] = now;
        link(pod, nodeIndex);
    }

    private void link(int p, int nodeIndex) {
        node[p] = nodeIndex;
        nextOnNode[p] = firstPod[nodeIndex];
        firstPod[nodeIndex] = p;
    }

    /** The API object is removed: the pod leaves its node's list (it keeps {@link #node} for the records). */
    void remove(int pod, long now) {
        goneAt[pod] = now;
        int n = node[pod];
        if (n < 0) {
            return;
        }
        if (firstPod[n] == pod) {
            firstPod[n] = nextOnNode[pod];
            return;
        }
        for (int p = firstPod[n]; p >= 0; p = nextOnNode[p]) {
            if (nextOnNode[p] == pod) {
                nextOnNode[p] = nextOnNode[pod];
                return;
            }
        }
        throw new IllegalStateException("pod " + names[pod] + " is not on its node's list");
    }

    /** The pod's phase is Failed: terminal, no longer active, never Ready again. */
    public boolean failed(int pod) {
        return failed[pod];
    }

    void markFailed(int pod) {
        failed[pod] = true;
    }

    public boolean isDeleted(int pod) {
        return deletedAt[pod] != SimTime.NEVER;
    }

    public boolean isGone(int pod) {
        return goneAt[pod] != SimTime.NEVER;
    }

    /** Neither deleted, gone nor Failed: what a ReplicaSet counts ({@code controller.IsPodActive}). */
    public boolean isActive(int pod) {
        return deletedAt[pod] == SimTime.NEVER && !failed[pod];
    }

    private void grow() {
        int c = names.length + names.length / 2;
        names = Arrays.copyOf(names, c);
        node = Arrays.copyOf(node, c);
        workload = Arrays.copyOf(workload, c);
        ready = Arrays.copyOf(ready, c);
        notReadyAt = Arrays.copyOf(notReadyAt, c);
        deletedAt = Arrays.copyOf(deletedAt, c);
        falseEviction = Arrays.copyOf(falseEviction, c);
        nextOnNode = Arrays.copyOf(nextOnNode, c);
        createdAt = Arrays.copyOf(createdAt, c);
        scheduledAt = Arrays.copyOf(scheduledAt, c);
        readyAt = Arrays.copyOf(readyAt, c);
        goneAt = Arrays.copyOf(goneAt, c);
        unschedulableAt = Arrays.copyOf(unschedulableAt, c);
        pinnedNode = Arrays.copyOf(pinnedNode, c);
        started = Arrays.copyOf(started, c);
        failed = Arrays.copyOf(failed, c);
        replacement = Arrays.copyOf(replacement, c);
        replaces = Arrays.copyOf(replaces, c);
    }
}
