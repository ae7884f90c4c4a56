package io.nodesim.cluster;

import io.nodesim.kernel.SimTime;
import java.util.Arrays;

/**
 * Every pod, one index per pod, in parallel primitive arrays that grow as pods are created. A
 * pod's tolerations of the node-controller taints live in its {@link WorkloadInfo} (compiled once
 * per template), so a pod row holds only what changes.
 */
public final class PodTable {
    private int count;
    private String[] names;
    public int[] node;
    public int[] workload;
    public boolean[] ready;
    public long[] notReadyAt;
    /** The deletion timestamp, {@link SimTime#NEVER} while the pod is not being deleted. */
    public long[] deletedAt;
    /** Deleted while its containers still ran (DESIGN §3's false eviction). */
    public boolean[] falseEviction;
    /** Next pod on the same node, -1 at the end (the head is {@link NodeTable#firstPod}). */
    public int[] nextOnNode;

    public PodTable(int capacity) {
        int c = Math.max(16, capacity);
        names = new String[c];
        node = new int[c];
        workload = new int[c];
        ready = new boolean[c];
        notReadyAt = new long[c];
        deletedAt = new long[c];
        falseEviction = new boolean[c];
        nextOnNode = new int[c];
    }

    public int count() {
        return count;
    }

    public String name(int pod) {
        return names[pod];
    }

    /** Adds a Running and Ready pod bound to {@code nodeIndex}; returns its index. */
    public int add(String name, int workloadIndex, int nodeIndex, NodeTable nodes) {
        if (count == names.length) {
            grow();
        }
        int p = count++;
        names[p] = name;
        node[p] = nodeIndex;
        workload[p] = workloadIndex;
        ready[p] = true;
        notReadyAt[p] = SimTime.NEVER;
        deletedAt[p] = SimTime.NEVER;
        nextOnNode[p] = nodes.firstPod[nodeIndex];
        nodes.firstPod[nodeIndex] = p;
        return p;
    }

    public boolean isDeleted(int pod) {
        return deletedAt[pod] != SimTime.NEVER;
    }

    private void grow() {
        int c = names.length * 2;
        names = Arrays.copyOf(names, c);
        node = Arrays.copyOf(node, c);
        workload = Arrays.copyOf(workload, c);
        ready = Arrays.copyOf(ready, c);
        notReadyAt = Arrays.copyOf(notReadyAt, c);
        deletedAt = Arrays.copyOf(deletedAt, c);
        falseEviction = Arrays.copyOf(falseEviction, c);
        nextOnNode = Arrays.copyOf(nextOnNode, c);
    }
}
