package io.nodesim.cluster;

import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.NodeGroup;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every node of the cluster, one index per node, in parallel primitive arrays. The fields are the
 * API server's view (Ready condition, taints); each controller keeps its own cache elsewhere.
 * The {@code *At} arrays are the first time something happened, for nodes.csv.
 */
public final class NodeObjects {
    public final int count;
    public final String[] names;
    public final int[] zone;
    /** Carries {@code node.kubernetes.io/exclude-disruption}: left out of the zone counts. */
    public final boolean[] excludedFromDisruption;
    public final List<Map<String, String>> labels;

    /** Ready condition status ({@link Condition}) and the time it last changed. */
    public final byte[] ready;
    public final long[] readyTransition;
    /** Taint bits ({@link ControllerTaints}). */
    public final int[] taints;
    /** The machine and its containers run (false after a crash, true again after the reboot). */
    public final boolean[] containersRunning;
    public final boolean[] deleted;
    /** When the Node object was created ({@link NodeGroup#BEFORE_START} for the nodes of t = 0). */
    public final long[] createdAt;

    /** Start of the latest fault that hit the node: what its delays are measured from. */
    public final long[] causeAt;
    public final long[] failedAt;
    public final long[] unknownAt;
    public final long[] noScheduleTaintAt;
    public final long[] noExecuteTaintAt;
    public final long[] readyAgainAt;

    /** Head of the node's list of pods in {@link PodTable#nextOnNode}, -1 when empty. */
    public final int[] firstPod;

    public NodeObjects(String[] names, int[] zone, boolean[] excluded, List<Map<String, String>> labels) {
        this.count = names.length;
        this.names = names;
        this.zone = zone;
        this.excludedFromDisruption = excluded;
        this.labels = List.copyOf(labels);
        ready = new byte[count];
        readyTransition = new long[count];
        taints = new int[count];
        containersRunning = new boolean[count];
        Arrays.fill(containersRunning, true);
        deleted = new boolean[count];
        createdAt = new long[count];
        Arrays.fill(createdAt, NodeGroup.BEFORE_START);
        causeAt = never(count);
        failedAt = never(count);
        unknownAt = never(count);
        noScheduleTaintAt = never(count);
        noExecuteTaintAt = never(count);
        readyAgainAt = never(count);
        firstPod = new int[count];
        Arrays.fill(firstPod, -1);
    }

    private static long[] never(int n) {
        long[] a = new long[n];
        Arrays.fill(a, SimTime.NEVER);
        return a;
    }

    public boolean hasTaint(int node, int bit) {
        return (taints[node] & bit) != 0;
    }

    /** True when the Node object exists at {@code t} (it may still lack a status). */
    public boolean exists(int node, long t) {
        return createdAt[node] <= t;
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
