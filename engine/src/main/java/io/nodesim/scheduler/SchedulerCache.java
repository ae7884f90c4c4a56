package io.nodesim.scheduler;

import io.nodesim.cluster.WellKnownLabels;
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
 * framework {@code NodeInfo}), as a structure of arrays indexed by node: the node's own facts here
 * (name, allocatable per resource, labels and taints as interned ints, cordon), the pods on it in
 * {@link #pods()}, its images in {@link #images()}. Pods matching a label selector are counted
 * incrementally by {@link #matching()}.
 *
 * <p>This is the dynamic API the simulation drives: nodes come and go, are cordoned and tainted,
 * pods are assumed onto nodes and forgotten. A removed node's slot is never reused, so an index
 * stays valid as an identity. Every change of a node, its pods included, bumps the node's change
 * counter ({@link #nodeGeneration}) that the scheduler's caches trust.
 */
public final class SchedulerCache {
    public static final int CPU = 0;
    public static final int MEMORY = 1;

    private final Symbols symbols = new Symbols();
    private final Symbols resources = new Symbols();
    private final NodeOrder order = new NodeOrder();
    private Map<String, Integer> byName = new HashMap<>();
    /** Per label key asked for, every node slot's value: labels never change after a node is added. */
    private final Map<Integer, int[]> labelColumns = new HashMap<>();

    private int capacity = 16;
    private int count;
    private int live;
    private String[] names = new String[capacity];
    private String[] zoneKeys = new String[capacity];
    private boolean[] alive = new boolean[capacity];
    private boolean[] unschedulable = new boolean[capacity];
    private long[][] allocatable = new long[2][capacity];
    private int[] allowedPods = new int[capacity];
    /** The template whose allocatable was parsed last, and what it gives each of its nodes. */
    private Node allocatableOf;
    private int templatePods;
    private int[] templateResources;
    private long[] templateAmounts;
    /** The template whose labels were read last (with or without a zone of the node's own) and what its nodes share. */
    private Node labelsOf;
    private boolean labelsZoned;
    private int[] labelsKeys;
    private int[] labelsValues;
    private int labelsHostnameAt;
    private int labelsZoneAt;
    private boolean labelsZoneKeyFixed;
    private String labelsFixedZoneKey;
    private String labelsZonePrefix;
    /** The zone keys made under {@link #labelsZonePrefix}, one string per zone rather than per node. */
    private final Map<String, String> labelsZoneKeys = new HashMap<>();
    /** Per node, its label keys (shared by a pool's nodes: never written once set) and values, interned. */
    private int[][] labelKeys = new int[capacity][];
    private int[][] labelValues = new int[capacity][];
    private int[][] taintKeys = new int[capacity][];
    private int[][] taintValues = new int[capacity][];
    private int[][] taintEffects = new int[capacity][];
    private long[] nodeGeneration = new long[capacity];
    /** PreferNoSchedule taints over live nodes. */
    private int preferNoScheduleTaints;
    private long generation;
    /** Generations one can catch up through with {@link #touchedAt}: a power of two. */
    static final int TOUCH_LOG = 4096;
    private final int[] touched = new int[TOUCH_LOG];
    private long membershipGeneration;
    private final MatchingPodCounts matching = new MatchingPodCounts(this);
    private final NodePods pods = new NodePods(this, matching, capacity);
    private final NodeImages images = new NodeImages(capacity);

    public SchedulerCache() {
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

    /** What the scheduler cache accounts of the pods on every node. */
    public NodePods pods() {
        return pods;
    }

    /** The images every node has. */
    public NodeImages images() {
        return images;
    }

    /** Sizes the empty cache for {@code nodes} nodes, so that adding them grows nothing. */
    public void reserve(int nodes) {
        if (count > 0) {
            throw new IllegalStateException("reserve an empty cache only");
        }
        byName = new HashMap<>(nodes * 4 / 3 + 1);
        ensureCapacity(nodes);
    }

    /**
     * Adds a node built from a template (labels, taints, allocatable, images) with its own name and
     * {@code topology.kubernetes.io/zone} label ("" for none).
     */
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
        readLabels(n, template, name, zone);
        for (Map.Entry<Integer, int[]> column : labelColumns.entrySet()) {
            if (n < column.getValue().length) {
                column.getValue()[n] = labelValue(n, column.getKey());
            }
        }
        readAllocatable(n, template);
        taintKeys[n] = new int[0];
        taintValues[n] = new int[0];
        taintEffects[n] = new int[0];
        if (template.getSpec() != null) {
            unschedulable[n] = Boolean.TRUE.equals(template.getSpec().getUnschedulable());
            if (template.getSpec().getTaints() != null) {
                for (Taint t : template.getSpec().getTaints()) {
                    addTaint(n, t.getKey(), t.getValue() == null ? "" : t.getValue(), TaintEffects.effect(t.getEffect()));
                }
            }
        }
        images.read(n, template);
        pods.nodeAdded(n);
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
        images.nodeLeft(n);
        pods.nodeLeft(n);
        for (int effect : taintEffects[n]) {
            preferNoScheduleTaints -= effect == TaintEffects.PREFER_NO_SCHEDULE ? 1 : 0;
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
        images.nodeReturned(n);
        pods.nodeReturned(n);
        for (int effect : taintEffects[n]) {
            preferNoScheduleTaints += effect == TaintEffects.PREFER_NO_SCHEDULE ? 1 : 0;
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
        preferNoScheduleTaints += effect == TaintEffects.PREFER_NO_SCHEDULE && alive[n] ? 1 : 0;
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
                preferNoScheduleTaints -= effect == TaintEffects.PREFER_NO_SCHEDULE && alive[n] ? 1 : 0;
                touch(n);
                return true;
            }
        }
        return false;
    }

    /** Records a change of the node (its own facts or its pods). */
    void touch(int n) {
        nodeGeneration[n] = ++generation;
        touched[(int) generation & (TOUCH_LOG - 1)] = n;
    }

    /**
     * The node whose change got generation {@code g}, while {@code g} is one of the last
     * {@link #TOUCH_LOG} generations: what a cache that knows every node as of an earlier
     * {@link #generation()} reads to catch up without looking at every node.
     */
    int touchedAt(long g) {
        return touched[(int) g & (TOUCH_LOG - 1)];
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

    /** {@link #nodeGeneration} of every node slot, for loops over many nodes; shared, read-only, replaced when slots grow. */
    public long[] nodeGenerations() {
        return nodeGeneration;
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

    /** Allocatable of every node for one resource (shared; valid until a node is added). */
    public long[] allocatableRow(int resource) {
        ensureResourceRows(resource + 1);
        return allocatable[resource];
    }

    public int allowedPods(int n) {
        return allowedPods[n];
    }

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

    /** The interned value of a label on a node, or {@link Symbols#ABSENT}. */
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

    /** PreferNoSchedule taints over all live nodes (none: TaintToleration scores every node alike). */
    public int preferNoScheduleTaints() {
        return preferNoScheduleTaints;
    }

    // ---- building ----

    /**
     * The node's labels: its template's, then its hostname and zone. A pool's nodes share their template,
     * so after its first node only the two per-node values are interned, in label order as the first
     * node's were, so symbols are numbered as if every node's labels were read whole.
     */
    private void readLabels(int n, Node template, String name, String zone) {
        boolean zoned = zone != null && !zone.isEmpty();
        if (template != labelsOf || zoned != labelsZoned) {
            Map<String, String> labels = new LinkedHashMap<>();
            if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
                labels.putAll(template.getMetadata().getLabels());
            }
            labels.put(WellKnownLabels.HOSTNAME, name);
            if (zoned) {
                labels.put(WellKnownLabels.ZONE, zone);
            }
            setLabels(n, labels);
            zoneKeys[n] = WellKnownLabels.region(labels) + ":\0:" + WellKnownLabels.zone(labels);
            labelsOf = template;
            labelsZoned = zoned;
            List<String> order = new ArrayList<>(labels.keySet());
            labelsHostnameAt = order.indexOf(WellKnownLabels.HOSTNAME);
            labelsZoneAt = zoned ? order.indexOf(WellKnownLabels.ZONE) : -1;
            // a deprecated zone label, when the template has one, is every node's zone
            labelsZoneKeyFixed = !zoned || labels.containsKey(WellKnownLabels.DEPRECATED_ZONE);
            labelsZonePrefix = WellKnownLabels.region(labels) + ":\0:";
            labelsZoneKeys.clear();
            labelsFixedZoneKey = zoneKeys[n];
            labelsKeys = labelKeys[n];
            labelsValues = labelValues[n];
            return;
        }
        labelKeys[n] = labelsKeys;
        int[] values = labelsValues.clone();
        if (labelsZoneAt >= 0 && labelsZoneAt < labelsHostnameAt) {
            values[labelsZoneAt] = symbols.intern(zone);
        }
        values[labelsHostnameAt] = symbols.intern(name);
        if (labelsZoneAt > labelsHostnameAt) {
            values[labelsZoneAt] = symbols.intern(zone);
        }
        labelValues[n] = values;
        zoneKeys[n] = labelsZoneKeyFixed ? labelsFixedZoneKey : zoneKey(zone);
    }

    private String zoneKey(String zone) {
        String key = labelsZoneKeys.get(zone);
        if (key == null) {
            key = labelsZonePrefix + zone;
            labelsZoneKeys.put(zone, key);
        }
        return key;
    }

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
        if (template != allocatableOf) {
            // a pool's nodes share their template: its quantities are parsed once
            readAllocatable(template);
        }
        allowedPods[n] = templatePods;
        for (int i = 0; i < templateResources.length; i++) {
            allocatable[templateResources[i]][n] = templateAmounts[i];
        }
    }

    private void readAllocatable(Node template) {
        Map<String, Quantity> alloc = Map.of();
        if (template.getStatus() != null) {
            alloc = template.getStatus().getAllocatable() != null && !template.getStatus().getAllocatable().isEmpty()
                    ? template.getStatus().getAllocatable() : template.getStatus().getCapacity();
            alloc = alloc == null ? Map.of() : alloc;
        }
        int pods = 0;
        int[] resourceIds = new int[alloc.size()];
        long[] amounts = new long[alloc.size()];
        int count = 0;
        for (Map.Entry<String, Quantity> e : alloc.entrySet()) {
            if ("pods".equals(e.getKey())) {
                pods = (int) Quantities.value(e.getValue());
                continue;
            }
            int r = resources.intern(e.getKey());
            ensureResourceRows(r + 1);
            resourceIds[count] = r;
            amounts[count++] = Quantities.of(e.getKey(), e.getValue());
        }
        allocatableOf = template;
        templatePods = pods;
        templateResources = Arrays.copyOf(resourceIds, count);
        templateAmounts = Arrays.copyOf(amounts, count);
    }

    private void ensureResourceRows(int rows) {
        allocatable = withRows(allocatable, rows, capacity);
    }

    /** A per-resource table with at least {@code rows} rows, new ones zero over {@code slots} nodes. */
    static long[][] withRows(long[][] table, int rows, int slots) {
        if (table.length >= rows) {
            return table;
        }
        long[][] grown = Arrays.copyOf(table, rows);
        for (int i = table.length; i < rows; i++) {
            grown[i] = new long[slots];
        }
        return grown;
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
        }
        allowedPods = Arrays.copyOf(allowedPods, c);
        labelKeys = Arrays.copyOf(labelKeys, c);
        labelValues = Arrays.copyOf(labelValues, c);
        taintKeys = Arrays.copyOf(taintKeys, c);
        taintValues = Arrays.copyOf(taintValues, c);
        taintEffects = Arrays.copyOf(taintEffects, c);
        nodeGeneration = Arrays.copyOf(nodeGeneration, c);
        pods.grow(c);
        images.grow(c);
        capacity = c;
    }

    void requireAlive(int n) {
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
