package io.nodesim.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pods side of the scheduler cache's {@code NodeInfo} (kubernetes
 * pkg/scheduler/framework/types.go: {@code Pods}, {@code Requested}, {@code NonZeroRequested},
 * {@code UsedPorts}, {@code PodsWithAffinity}), for every node slot of a {@link SchedulerCache}: requested
 * and non-zero requests per resource, pod counts, host ports, and per node the templates of its pods
 * with their counts (a short list: a node holds few templates, while a cluster may have one per
 * node, as DaemonSet pods pinned to their nodes are).
 *
 * <p>Every change bumps the node's change counter in the {@link SchedulerCache} and is passed on to its
 * {@link MatchingPodCounts}. The node table grows these arrays with its own and tells of nodes that
 * leave and come back, so that cluster-wide sums cover live nodes only.
 */
public final class NodePods {
    private final SchedulerCache nodes;
    private final MatchingPodCounts matching;
    private final List<CompiledPod> templates = new ArrayList<>();

    private int capacity;
    private long[][] requested;
    private long[] nonZeroCpu;
    private long[] nonZeroMemory;
    private int[] podCount;
    /** Per node: ids of the templates with pods on it, and their pod counts (first {@link #templatesOn}). */
    private int[][] nodeTemplates;
    private int[][] nodeTemplatePods;
    /** Per node, parallel to {@link #nodeTemplates}: how many of those pods are Terminating. */
    private int[][] nodeTemplateTerminating;
    private int[] nodeTemplateCount;
    private int[] podsWithAffinity;
    /** Per node, the host ports its pods use; null until its first pod with one (most nodes never get any). */
    private List<CompiledPod.HostPort>[] hostPorts;
    /** Pods with pod (anti-)affinity over live nodes. */
    private int totalPodsWithAffinity;

    @SuppressWarnings("unchecked")
    NodePods(SchedulerCache nodes, MatchingPodCounts matching, int capacity) {
        this.nodes = nodes;
        this.matching = matching;
        this.capacity = capacity;
        requested = new long[2][capacity];
        nonZeroCpu = new long[capacity];
        nonZeroMemory = new long[capacity];
        podCount = new int[capacity];
        nodeTemplates = new int[capacity][];
        nodeTemplatePods = new int[capacity][];
        nodeTemplateTerminating = new int[capacity][];
        nodeTemplateCount = new int[capacity];
        podsWithAffinity = new int[capacity];
        hostPorts = new List[capacity];
    }

    /** Accounts a pod on a node: the scheduler's assume, or a bind the cache learns of. */
    public void addPod(CompiledPod pod, int n) {
        nodes.requireAlive(n);
        account(pod, n, 1, true);
    }

    /** Forgets a pod on a node that was not Terminating (an assumed pod whose binding failed, a pod gone at once). */
    public void removePod(CompiledPod pod, int n) {
        int i = templateIndex(n, pod.id);
        if (i < 0 || nodeTemplatePods[n][i] == nodeTemplateTerminating[n][i]) {
            throw new IllegalStateException("pod template " + pod + " has no live pod on node " + nodes.name(n));
        }
        account(pod, n, -1, true);
    }

    /**
     * A pod on the node got its deletion timestamp: it keeps its resources, ports and place in the
     * node's pod list (the cache holds it until its object is gone), but PodTopologySpread's
     * {@code countPodsMatchSelector} skips it from now on (kubernetes #87621).
     */
    public void markTerminating(CompiledPod pod, int n) {
        int i = templateIndex(n, pod.id);
        if (i < 0 || nodeTemplatePods[n][i] == nodeTemplateTerminating[n][i]) {
            throw new IllegalStateException("pod template " + pod + " has no live pod on node " + nodes.name(n));
        }
        nodeTemplateTerminating[n][i]++;
        matching.podsChanged(pod.id, n, -1);
        nodes.touch(n);
    }

    /** Forgets a Terminating pod whose object is gone: its resources go; it was no longer counted. */
    public void removeTerminatingPod(CompiledPod pod, int n) {
        int i = templateIndex(n, pod.id);
        if (i < 0 || nodeTemplateTerminating[n][i] == 0) {
            throw new IllegalStateException("pod template " + pod + " has no Terminating pod on node " + nodes.name(n));
        }
        nodeTemplateTerminating[n][i]--;
        account(pod, n, -1, false);
    }

    /** {@code counted}: whether MatchingPodCounts counts the pod (it stopped when the pod became Terminating). */
    private void account(CompiledPod pod, int n, int sign, boolean counted) {
        registerTemplate(pod);
        for (int r = 0; r < pod.requests.length; r++) {
            requested[r][n] += sign * pod.requests[r];
        }
        nonZeroCpu[n] += sign * pod.nonZeroCpu;
        nonZeroMemory[n] += sign * pod.nonZeroMemory;
        podCount[n] += sign;
        countTemplate(n, pod.id, sign);
        if (counted) {
            matching.podsChanged(pod.id, n, sign);
        }
        if (pod.hasPodAffinity()) {
            podsWithAffinity[n] += sign;
            if (nodes.isAlive(n)) {
                totalPodsWithAffinity += sign;
            }
        }
        if (!pod.hostPorts.isEmpty()) {
            for (CompiledPod.HostPort p : pod.hostPorts) {
                if (sign > 0) {
                    if (hostPorts[n] == null) {
                        hostPorts[n] = new ArrayList<>(2);
                    }
                    hostPorts[n].add(p);
                } else {
                    hostPorts[n].remove(p);
                }
            }
        }
        nodes.touch(n);
    }

    /** Adds {@code sign} to the node's count of the template; a count that reaches 0 leaves the list. */
    private void countTemplate(int n, int templateId, int sign) {
        int[] ids = nodeTemplates[n];
        int size = nodeTemplateCount[n];
        for (int i = 0; i < size; i++) {
            if (ids[i] == templateId) {
                nodeTemplatePods[n][i] += sign;
                if (nodeTemplatePods[n][i] == 0) {
                    ids[i] = ids[size - 1];
                    nodeTemplatePods[n][i] = nodeTemplatePods[n][size - 1];
                    nodeTemplateTerminating[n][i] = nodeTemplateTerminating[n][size - 1];
                    nodeTemplateCount[n] = size - 1;
                }
                return;
            }
        }
        if (size == ids.length) {
            nodeTemplates[n] = ids = Arrays.copyOf(ids, size * 2);
            nodeTemplatePods[n] = Arrays.copyOf(nodeTemplatePods[n], size * 2);
            nodeTemplateTerminating[n] = Arrays.copyOf(nodeTemplateTerminating[n], size * 2);
        }
        ids[size] = templateId;
        nodeTemplatePods[n][size] = sign;
        nodeTemplateTerminating[n][size] = 0;
        nodeTemplateCount[n] = size + 1;
    }

    private void registerTemplate(CompiledPod pod) {
        while (templates.size() <= pod.id) {
            templates.add(null);
        }
        if (templates.get(pod.id) == null) {
            templates.set(pod.id, pod);
            matching.templateRegistered(pod);
        } else if (templates.get(pod.id) != pod) {
            throw new IllegalArgumentException("two templates share id " + pod.id + ": compile pods with one PodCompiler");
        }
        ensureResourceRows(nodes.resources().size());
    }

    // ---- reads for the hot path ----

    public long requested(int resource, int n) {
        return resource < requested.length ? requested[resource][n] : 0;
    }

    /** Requested of every node for one resource (shared; valid until a node is added). */
    public long[] requestedRow(int resource) {
        ensureResourceRows(resource + 1);
        return requested[resource];
    }

    public long[] nonZeroCpuRow() {
        return nonZeroCpu;
    }

    public long[] nonZeroMemoryRow() {
        return nonZeroMemory;
    }

    public int podCount(int n) {
        return podCount[n];
    }

    /** Terminating pods of template {@code templateId} on the node. */
    public int terminatingOfTemplate(int n, int templateId) {
        int i = templateIndex(n, templateId);
        return i < 0 ? 0 : nodeTemplateTerminating[n][i];
    }

    private int templateIndex(int n, int templateId) {
        int[] ids = nodeTemplates[n];
        for (int i = 0; i < nodeTemplateCount[n]; i++) {
            if (ids[i] == templateId) {
                return i;
            }
        }
        return -1;
    }

    /** Number of distinct templates with pods on the node; {@link #templateOn} and {@link #podsOfTemplateOn} index them. */
    public int templatesOn(int n) {
        return nodeTemplateCount[n];
    }

    /** The id of the i-th template with pods on the node (the order is not meaningful). */
    public int templateOn(int n, int i) {
        return nodeTemplates[n][i];
    }

    /** The pods of the i-th template on the node (always > 0), Terminating ones included. */
    public int podsOfTemplateOn(int n, int i) {
        return nodeTemplatePods[n][i];
    }

    /** The Terminating pods among {@link #podsOfTemplateOn}. */
    public int terminatingOfTemplateOn(int n, int i) {
        return nodeTemplateTerminating[n][i];
    }

    /** Every template that has ever had a pod on a node, indexed by template id (null gaps). */
    public List<CompiledPod> templates() {
        return templates;
    }

    public int podsWithAffinity(int n) {
        return podsWithAffinity[n];
    }

    public int totalPodsWithAffinity() {
        return totalPodsWithAffinity;
    }

    public List<CompiledPod.HostPort> hostPorts(int n) {
        return hostPorts[n] == null ? List.of() : hostPorts[n];
    }

    // ---- node lifecycle, driven by the SchedulerCache ----

    void nodeAdded(int n) {
        nodeTemplates[n] = new int[2];
        nodeTemplatePods[n] = new int[2];
        nodeTemplateTerminating[n] = new int[2];
    }

    /** The node left the cache: its pods stay accounted on it but no longer in cluster-wide sums. */
    void nodeLeft(int n) {
        totalPodsWithAffinity -= podsWithAffinity[n];
    }

    void nodeReturned(int n) {
        totalPodsWithAffinity += podsWithAffinity[n];
    }

    private void ensureResourceRows(int rows) {
        requested = SchedulerCache.withRows(requested, rows, capacity);
    }

    void grow(int c) {
        for (int r = 0; r < requested.length; r++) {
            requested[r] = Arrays.copyOf(requested[r], c);
        }
        nonZeroCpu = Arrays.copyOf(nonZeroCpu, c);
        nonZeroMemory = Arrays.copyOf(nonZeroMemory, c);
        podCount = Arrays.copyOf(podCount, c);
        nodeTemplates = Arrays.copyOf(nodeTemplates, c);
        nodeTemplatePods = Arrays.copyOf(nodeTemplatePods, c);
        nodeTemplateTerminating = Arrays.copyOf(nodeTemplateTerminating, c);
        nodeTemplateCount = Arrays.copyOf(nodeTemplateCount, c);
        podsWithAffinity = Arrays.copyOf(podsWithAffinity, c);
        hostPorts = Arrays.copyOf(hostPorts, c);
        capacity = c;
    }

}
