package io.nodesim.scheduler;

import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler cache's view of every node (kubernetes pkg/scheduler/backend/cache/cache.go and
 * framework {@code NodeInfo}), as a structure of arrays indexed by node: allocatable and requested
 * per resource, non-zero requests, pod counts, labels, taints and images as interned ints, and
 * per node the templates of its pods with their counts (a short list: a node holds few templates,
 * while a cluster may have one per node, as DaemonSet pods pinned to their nodes are). Pods matching
 * a label selector are counted incrementally by {@link MatchingPodCounts}.
 *
 * <p>This is the dynamic API the simulation drives: nodes come and go, are cordoned and tainted,
 * pods are assumed onto nodes and forgotten. A removed node's slot is never reused, so an index
 * stays valid as an identity.
 *
 * <p>One class, longer than most, because every column grows together and every mutation must bump
 * the node's change counter ({@link #nodeGeneration}) that the scheduler's caches trust.
 */
public final class NodeTable {
    public static final int CPU = 0;
    public static final int MEMORY = 1;
    public static final String HOSTNAME_LABEL = "kubernetes.io/hostname";
    public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    public static final String REGION_LABEL = "topology.kubernetes.io/region";

    private final Symbols symbols = new Symbols();
    private final Symbols resources = new Symbols();
    private final Symbols images = new Symbols();
    private final NodeOrder order = new NodeOrder();
    private final Map<String, Integer> byName = new HashMap<>();
    /** Per label key asked for, every node slot's value: labels never change after a node is added. */
    private final Map<Integer, int[]> labelColumns = new HashMap<>();
    private final List<CompiledPod> templates = new ArrayList<>();

    private int capacity = 16;
    private int count;
    private int live;
    private String[] names = new String[capacity];
    private String[] zoneKeys = new String[capacity];
    private boolean[] alive = new boolean[capacity];
    private boolean[] unschedulable = new boolean[capacity];
    private long[][] allocatable = new long[2][capacity];
    private long[][] requested = new long[2][capacity];
    private long[] nonZeroCpu = new long[capacity];
    private long[] nonZeroMemory = new long[capacity];
    private int[] podCount = new int[capacity];
    private int[] allowedPods = new int[capacity];
    private int[][] labelKeys = new int[capacity][];
    private int[][] labelValues = new int[capacity][];
    private int[][] taintKeys = new int[capacity][];
    private int[][] taintValues = new int[capacity][];
    private int[][] taintEffects = new int[capacity][];
    private int[][] imageIds = new int[capacity][];
    private long[][] imageSizes = new long[capacity][];
    /** Per node: ids of the templates with pods on it, and their pod counts (first {@link #templatesOn}). */
    private int[][] nodeTemplates = new int[capacity][];
    private int[][] nodeTemplatePods = new int[capacity][];
    /** Per node, parallel to {@link #nodeTemplates}: how many of those pods are Terminating. */
    private int[][] nodeTemplateTerminating = new int[capacity][];
    private int[] nodeTemplateCount = new int[capacity];
    private int[] podsWithAffinity = new int[capacity];
    private List<CompiledPod.HostPort>[] hostPorts = newPortLists(capacity);
    private int[] imageNodeCount = new int[16];
    private long[] nodeGeneration = new long[capacity];
    private int totalPodsWithAffinity;
    /** PreferNoSchedule taints over live nodes. */
    private int preferNoScheduleTaints;
    private long generation;
    private long membershipGeneration;
    private final MatchingPodCounts matching = new MatchingPodCounts(this);

    public NodeTable() {
        resources.intern("cpu");
        resources.intern("memory");
    }

    /** The incremental counts of pods matching selectors, per node and per topology domain. */
    public MatchingPodCounts matching() {
        return matching;
    }

    public Symbols symbols() {
        return symbols;
    }

    public Symbols resources() {
        return resources;
    }

    public Symbols images() {
        return images;
    }

    /** Adds a node built from a template (labels, taints, allocatable, images) with its own name and zone. */
    public int addNode(Node template, String name, String zone) {
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("node " + name + " already exists");
        }
        int n = count++;
        ensureCapacity(count);
        byName.put(name, n);
        names[n] = name;
        alive[n] = true;
        live++;
        Map<String, String> labels = new LinkedHashMap<>();
        if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
            labels.putAll(template.getMetadata().getLabels());
        }
        labels.put(HOSTNAME_LABEL, name);
        if (zone != null && !zone.isEmpty()) {
            labels.put(ZONE_LABEL, zone);
        }
        setLabels(n, labels);
        for (Map.Entry<Integer, int[]> column : labelColumns.entrySet()) {
            if (n < column.getValue().length) {
                column.getValue()[n] = labelValue(n, column.getKey());
            }
        }
        zoneKeys[n] = labels.getOrDefault(REGION_LABEL, "") + ":\0:" + labels.getOrDefault(ZONE_LABEL, "");
        readAllocatable(n, template);
        taintKeys[n] = new int[0];
        taintValues[n] = new int[0];
        taintEffects[n] = new int[0];
        if (template.getSpec() != null) {
            unschedulable[n] = Boolean.TRUE.equals(template.getSpec().getUnschedulable());
            if (template.getSpec().getTaints() != null) {
                for (Taint t : template.getSpec().getTaints()) {
                    addTaint(n, t.getKey(), t.getValue() == null ? "" : t.getValue(), Taints.effect(t.getEffect()));
                }
            }
        }
        readImages(n, template);
        nodeTemplates[n] = new int[2];
        nodeTemplatePods[n] = new int[2];
        nodeTemplateTerminating[n] = new int[2];
        order.add(n, zoneKeys[n]);
        touch(n);
        membershipGeneration++;
        matching.nodeAdded(n);
        return n;
    }

    /** Adds every node of a scenario node group, pool members in index order; returns their indices. */
    public int[] addGroup(io.nodesim.scenario.NodeGroup group) {
        int[] added = new int[group.count()];
        for (int i = 0; i < group.count(); i++) {
            added[i] = addNode(group.template(), group.nodeName(i), group.zone(i));
        }
        return added;
    }

    /**
     * Adds a group as the cache holds it at t = 0: nodes that join during the run get their index
     * but stay out of the cache until {@link #restoreNode} (their Node object does not exist yet).
     */
    public int[] addGroupAtStart(io.nodesim.scenario.NodeGroup group) {
        int[] added = addGroup(group);
        if (group.joins()) {
            for (int n : added) {
                removeNode(n);
            }
        }
        return added;
    }

    public void removeNode(int n) {
        requireAlive(n);
        alive[n] = false;
        live--;
        byName.remove(names[n]);
        order.remove(n, zoneKeys[n]);
        for (int image : imageIds[n]) {
            imageNodeCount[image]--;
        }
        totalPodsWithAffinity -= podsWithAffinity[n];
        for (int effect : taintEffects[n]) {
            preferNoScheduleTaints -= effect == Taints.PREFER_NO_SCHEDULE ? 1 : 0;
        }
        touch(n);
        membershipGeneration++;
        matching.nodeRemoved(n);
    }

    /** Brings back a removed node under its index, without pods: a Node object created again. */
    public void restoreNode(int n) {
        if (alive[n]) {
            throw new IllegalStateException("node " + names[n] + " is in the cache already");
        }
        alive[n] = true;
        live++;
        byName.put(names[n], n);
        order.add(n, zoneKeys[n]);
        for (int image : imageIds[n]) {
            imageNodeCount[image]++;
        }
        totalPodsWithAffinity += podsWithAffinity[n];
        for (int effect : taintEffects[n]) {
            preferNoScheduleTaints += effect == Taints.PREFER_NO_SCHEDULE ? 1 : 0;
        }
        touch(n);
        membershipGeneration++;
        matching.nodeAdded(n);
    }

    public void setUnschedulable(int n, boolean value) {
        requireAlive(n);
        unschedulable[n] = value;
        touch(n);
    }

    /** Adds a taint unless one with the same key and effect is there (then its value is replaced). */
    public void addTaint(int n, String key, String value, int effect) {
        int k = symbols.intern(key);
        int v = symbols.intern(value);
        int[] keys = taintKeys[n];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == k && taintEffects[n][i] == effect) {
                taintValues[n][i] = v;
                touch(n);
                return;
            }
        }
        taintKeys[n] = append(keys, k);
        taintValues[n] = append(taintValues[n], v);
        taintEffects[n] = append(taintEffects[n], effect);
        preferNoScheduleTaints += effect == Taints.PREFER_NO_SCHEDULE && alive[n] ? 1 : 0;
        touch(n);
    }

    /** Removes the taint with this key and effect; returns whether there was one. */
    public boolean removeTaint(int n, String key, int effect) {
        int k = symbols.find(key);
        int[] keys = taintKeys[n];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == k && taintEffects[n][i] == effect) {
                taintKeys[n] = remove(keys, i);
                taintValues[n] = remove(taintValues[n], i);
                taintEffects[n] = remove(taintEffects[n], i);
                preferNoScheduleTaints -= effect == Taints.PREFER_NO_SCHEDULE && alive[n] ? 1 : 0;
                touch(n);
                return true;
            }
        }
        return false;
    }

    /** Accounts a pod on a node: the scheduler's assume, or a bind the cache learns of. */
    public void addPod(CompiledPod pod, int n) {
        requireAlive(n);
        account(pod, n, 1, true);
    }

    /** Forgets a pod on a node that was not Terminating (an assumed pod whose binding failed, a pod gone at once). */
    public void removePod(CompiledPod pod, int n) {
        int i = templateIndex(n, pod.id);
        if (i < 0 || nodeTemplatePods[n][i] == nodeTemplateTerminating[n][i]) {
            throw new IllegalStateException("pod template " + pod + " has no live pod on node " + names[n]);
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
            throw new IllegalStateException("pod template " + pod + " has no live pod on node " + names[n]);
        }
        nodeTemplateTerminating[n][i]++;
        matching.podsChanged(pod.id, n, -1);
        touch(n);
    }

    /** Forgets a Terminating pod whose object is gone: its resources go; it was no longer counted. */
    public void removeTerminatingPod(CompiledPod pod, int n) {
        int i = templateIndex(n, pod.id);
        if (i < 0 || nodeTemplateTerminating[n][i] == 0) {
            throw new IllegalStateException("pod template " + pod + " has no Terminating pod on node " + names[n]);
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
            if (alive[n]) {
                totalPodsWithAffinity += sign;
            }
        }
        if (!pod.hostPorts.isEmpty()) {
            for (CompiledPod.HostPort p : pod.hostPorts) {
                if (sign > 0) {
                    hostPorts[n].add(p);
                } else {
                    hostPorts[n].remove(p);
                }
            }
        }
        touch(n);
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

    private void touch(int n) {
        nodeGeneration[n] = ++generation;
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
        ensureResourceRows(resources.size());
    }

    // ---- reads for the hot path ----

    /** The zone-interleaved order of live nodes (node_tree.go); shared, do not modify. */
    public int[] order() {
        return order.list();
    }

    public int size() {
        return live;
    }

    /** The index of a live node in {@link #order()}, or -1. */
    public int orderPosition(int n) {
        return order.position(n);
    }

    /** Number of node slots ever used (live or removed); node indices are below it. */
    public int slots() {
        return count;
    }

    public boolean isAlive(int n) {
        return alive[n];
    }

    /** Increases on every change of any node. */
    public long generation() {
        return generation;
    }

    /**
     * The last change of one node (its pods, taints, cordon); a result computed from the node's own
     * state and a pod template stays valid while this is unchanged.
     */
    public long nodeGeneration(int n) {
        return nodeGeneration[n];
    }

    /** Increases when a node is added or removed (what cluster-wide counts such as image spread depend on). */
    public long membershipGeneration() {
        return membershipGeneration;
    }

    public int indexOf(String name) {
        Integer n = byName.get(name);
        return n == null ? -1 : n;
    }

    public String name(int n) {
        return names[n];
    }

    public boolean unschedulable(int n) {
        return unschedulable[n];
    }

    public long allocatable(int resource, int n) {
        return resource < allocatable.length ? allocatable[resource][n] : 0;
    }

    public long requested(int resource, int n) {
        return resource < requested.length ? requested[resource][n] : 0;
    }

    /** Allocatable of every node for one resource (shared; valid until a node is added). */
    public long[] allocatableRow(int resource) {
        ensureResourceRows(resource + 1);
        return allocatable[resource];
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

    public int allowedPods(int n) {
        return allowedPods[n];
    }

    /** The interned value of a label on a node, or {@link Symbols#ABSENT}. */
    /**
     * Every node slot's value of a label key ({@link Symbols#ABSENT} where missing), for loops over
     * many nodes; shared and read-only, and to be asked for again after a node is added.
     */
    public int[] labelColumn(int key) {
        int[] column = labelColumns.get(key);
        if (column == null || column.length < count) {
            column = new int[Math.max(count, column == null ? 16 : column.length * 2)];
            for (int n = 0; n < count; n++) {
                column[n] = labelValue(n, key);
            }
            labelColumns.put(key, column);
        }
        return column;
    }

    public int labelValue(int n, int key) {
        int[] keys = labelKeys[n];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return labelValues[n][i];
            }
        }
        return Symbols.ABSENT;
    }

    public int[] labelKeys(int n) {
        return labelKeys[n];
    }

    public int[] labelValues(int n) {
        return labelValues[n];
    }

    public int[] taintKeys(int n) {
        return taintKeys[n];
    }

    public int[] taintValues(int n) {
        return taintValues[n];
    }

    public int[] taintEffects(int n) {
        return taintEffects[n];
    }

    public int[] imageIds(int n) {
        return imageIds[n];
    }

    public long[] imageSizes(int n) {
        return imageSizes[n];
    }

    /** Number of live nodes that have the image. */
    public int nodesWithImage(int image) {
        return image < imageNodeCount.length ? imageNodeCount[image] : 0;
    }

    /** Pods of template {@code templateId} on the node, Terminating ones included. */
    public int podsOfTemplate(int n, int templateId) {
        int i = templateIndex(n, templateId);
        return i < 0 ? 0 : nodeTemplatePods[n][i];
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

    /** PreferNoSchedule taints over all live nodes (none: TaintToleration scores every node alike). */
    public int preferNoScheduleTaints() {
        return preferNoScheduleTaints;
    }

    public int totalPodsWithAffinity() {
        return totalPodsWithAffinity;
    }

    public List<CompiledPod.HostPort> hostPorts(int n) {
        return hostPorts[n];
    }

    // ---- building ----

    private void setLabels(int n, Map<String, String> labels) {
        int[] keys = new int[labels.size()];
        int[] values = new int[labels.size()];
        int i = 0;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            keys[i] = symbols.intern(e.getKey());
            values[i++] = symbols.intern(e.getValue());
        }
        labelKeys[n] = keys;
        labelValues[n] = values;
    }

    private void readAllocatable(int n, Node template) {
        Map<String, Quantity> alloc = Map.of();
        if (template.getStatus() != null) {
            alloc = template.getStatus().getAllocatable() != null && !template.getStatus().getAllocatable().isEmpty()
                    ? template.getStatus().getAllocatable() : template.getStatus().getCapacity();
            alloc = alloc == null ? Map.of() : alloc;
        }
        for (Map.Entry<String, Quantity> e : alloc.entrySet()) {
            if ("pods".equals(e.getKey())) {
                allowedPods[n] = (int) Quantities.value(e.getValue());
                continue;
            }
            int r = resources.intern(e.getKey());
            ensureResourceRows(r + 1);
            allocatable[r][n] = Quantities.of(e.getKey(), e.getValue());
        }
    }

    private void readImages(int n, Node template) {
        List<Integer> ids = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        if (template.getStatus() != null && template.getStatus().getImages() != null) {
            for (ContainerImage image : template.getStatus().getImages()) {
                long size = image.getSizeBytes() == null ? 0 : image.getSizeBytes();
                for (String name : image.getNames()) {
                    int id = images.intern(name);
                    if (!ids.contains(id)) {
                        ids.add(id);
                        sizes.add(size);
                    }
                }
            }
        }
        imageIds[n] = ids.stream().mapToInt(Integer::intValue).toArray();
        imageSizes[n] = sizes.stream().mapToLong(Long::longValue).toArray();
        if (imageNodeCount.length < images.size()) {
            imageNodeCount = Arrays.copyOf(imageNodeCount, Math.max(images.size(), imageNodeCount.length * 2));
        }
        for (int id : imageIds[n]) {
            imageNodeCount[id]++;
        }
    }

    private void ensureResourceRows(int rows) {
        if (allocatable.length < rows) {
            int old = allocatable.length;
            allocatable = Arrays.copyOf(allocatable, rows);
            requested = Arrays.copyOf(requested, rows);
            for (int i = old; i < rows; i++) {
                allocatable[i] = new long[capacity];
                requested[i] = new long[capacity];
            }
        }
    }

    private void ensureCapacity(int needed) {
        if (needed <= capacity) {
            return;
        }
        int c = Math.max(needed, capacity * 2);
        names = Arrays.copyOf(names, c);
        zoneKeys = Arrays.copyOf(zoneKeys, c);
        alive = Arrays.copyOf(alive, c);
        unschedulable = Arrays.copyOf(unschedulable, c);
        for (int r = 0; r < allocatable.length; r++) {
            allocatable[r] = Arrays.copyOf(allocatable[r], c);
            requested[r] = Arrays.copyOf(requested[r], c);
        }
        nonZeroCpu = Arrays.copyOf(nonZeroCpu, c);
        nonZeroMemory = Arrays.copyOf(nonZeroMemory, c);
        podCount = Arrays.copyOf(podCount, c);
        allowedPods = Arrays.copyOf(allowedPods, c);
        labelKeys = Arrays.copyOf(labelKeys, c);
        labelValues = Arrays.copyOf(labelValues, c);
        taintKeys = Arrays.copyOf(taintKeys, c);
        taintValues = Arrays.copyOf(taintValues, c);
        taintEffects = Arrays.copyOf(taintEffects, c);
        imageIds = Arrays.copyOf(imageIds, c);
        imageSizes = Arrays.copyOf(imageSizes, c);
        nodeTemplates = Arrays.copyOf(nodeTemplates, c);
        nodeTemplatePods = Arrays.copyOf(nodeTemplatePods, c);
        nodeTemplateTerminating = Arrays.copyOf(nodeTemplateTerminating, c);
        nodeTemplateCount = Arrays.copyOf(nodeTemplateCount, c);
        podsWithAffinity = Arrays.copyOf(podsWithAffinity, c);
        nodeGeneration = Arrays.copyOf(nodeGeneration, c);
        List<CompiledPod.HostPort>[] ports = newPortLists(c);
        System.arraycopy(hostPorts, 0, ports, 0, capacity);
        hostPorts = ports;
        capacity = c;
    }

    @SuppressWarnings("unchecked")
    private static List<CompiledPod.HostPort>[] newPortLists(int c) {
        List<CompiledPod.HostPort>[] lists = new List[c];
        for (int i = 0; i < c; i++) {
            lists[i] = new ArrayList<>(0);
        }
        return lists;
    }

    private void requireAlive(int n) {
        if (n < 0 || n >= count || !alive[n]) {
            throw new IllegalArgumentException("no live node with index " + n);
        }
    }

    private static int[] append(int[] a, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    private static int[] remove(int[] a, int i) {
        int[] out = new int[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }
}
