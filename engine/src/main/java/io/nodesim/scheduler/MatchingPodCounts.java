package io.nodesim.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pods matching a label selector in a namespace, counted per node and per topology domain, and kept
 * up to date as the {@link SchedulerCache} assumes, marks Terminating and forgets pods and adds and
 * removes nodes. As upstream, a Terminating pod is not counted, nor is any pod for an empty
 * selector. Upstream,
 * PodTopologySpread's PreFilter and PreScore call {@code countPodsMatchSelector} on every node's pod
 * list in every cycle (kubernetes pkg/scheduler/framework/plugins/podtopologyspread/common.go); the
 * answers are the same here, but a cycle reads them in O(1) per node or domain instead of walking
 * every pod of the cluster.
 *
 * <p>A selector is registered once (one per workload, typically) and counted on every node. A
 * {@link Domains} view adds, for one topology key and one rule of which nodes take part (the pod's
 * nodeSelector and required node affinity, and optionally a set of label keys every node must
 * carry), the sum per label value, the number of domains and the smallest domain count.
 */
public final class MatchingPodCounts {
    private static final int[] NONE = new int[0];

    private record SelectorKey(PodSelector selector, String namespace) {
    }

    /**
     * Which nodes a view counts: identity of the pod's compiled node selector and required node
     * affinity (one per template), and the label keys a node must carry (sorted, or none).
     */
    private record ViewKey(int selector, int topologyKey, NodeSelectorTerms nodeSelector,
            NodeSelectorTerms requiredAffinity, List<Integer> requiredKeys) {
    }

    private final SchedulerCache nodes;
    private final Map<SelectorKey, Integer> selectorIds = new HashMap<>();
    private final List<SelectorKey> selectors = new ArrayList<>();
    /** [selector][node slot] matching pods on the node. */
    private int[][] perNode = new int[0][];
    /** [template id] the selectors matching the template's pods. */
    private int[][] selectorsOfTemplate = new int[0][];
    private final Map<ViewKey, Domains> views = new HashMap<>();
    /** [selector] the views counting it. */
    private final List<List<Domains>> viewsOfSelector = new ArrayList<>();
    private final List<Domains> allViews = new ArrayList<>();

    MatchingPodCounts(SchedulerCache nodes) {
        this.nodes = nodes;
    }

    /** The id of a selector's counts in a namespace, counting the pods already placed when new. */
    public int selector(PodSelector selector, String namespace) {
        SelectorKey key = new SelectorKey(selector, namespace);
        Integer id = selectorIds.get(key);
        if (id != null) {
            return id;
        }
        int s = selectors.size();
        selectors.add(key);
        selectorIds.put(key, s);
        viewsOfSelector.add(new ArrayList<>());
        perNode = Arrays.copyOf(perNode, s + 1);
        perNode[s] = new int[Math.max(16, nodes.slots())];
        NodePods pods = nodes.pods();
        List<CompiledPod> templates = pods.templates();
        for (CompiledPod t : templates) {
            if (t != null && matches(key, t)) {
                selectorsOfTemplate[t.id] = append(selectorsOfTemplate[t.id], s);
            }
        }
        for (int n = 0; n < nodes.slots(); n++) {
            for (int i = 0; i < pods.templatesOn(n); i++) {
                CompiledPod t = templates.get(pods.templateOn(n, i));
                if (matches(key, t)) {
                    perNode[s][n] += pods.podsOfTemplateOn(n, i) - pods.terminatingOfTemplateOn(n, i);
                }
            }
        }
        return s;
    }

    /** Matching pods per node slot of a selector: shared and read-only, to be asked for again after a node is added. */
    public int[] counts(int selector) {
        return perNode[selector];
    }

    /** Matching pods on a node ({@code countPodsMatchSelector} over the node's pods). */
    public int count(int selector, int node) {
        return perNode[selector][node];
    }

    /**
     * The per-domain counts of a selector for a topology key over the nodes that pass the pod's
     * nodeSelector and required node affinity and carry every key of {@code requiredKeys} (null: no
     * such rule), built on first use and maintained from then on; for a pod pinned to named nodes
     * (matchFields metadata.name) a {@linkplain Domains#isSnapshot snapshot} over those nodes.
     */
    public Domains domains(int selector, int topologyKey, CompiledPod pod, int[] requiredKeys) {
        return domains(selector, topologyKey, pod, requiredKeys, true, false);
    }

    /**
     * The counts under a constraint's node inclusion policies (podtopologyspread/common.go
     * {@code matchNodeInclusionPolicies}): {@code honorAffinity} counts only nodes passing the pod's
     * nodeSelector and required node affinity; {@code honorTaints} leaves out nodes with a NoSchedule or
     * NoExecute taint the pod does not tolerate. Taints come and go during a run (the node lifecycle
     * controller's), so a taint-honouring view is a {@linkplain Domains#isSnapshot snapshot}, taken again
     * each cycle as upstream's PreFilter walks every node.
     */
    public Domains domains(int selector, int topologyKey, CompiledPod pod, int[] requiredKeys,
            boolean honorAffinity, boolean honorTaints) {
        List<Integer> keys = null;
        if (requiredKeys != null) {
            int[] sorted = requiredKeys.clone();
            Arrays.sort(sorted);
            keys = Arrays.stream(sorted).boxed().toList();
        }
        ViewKey key = honorAffinity ? new ViewKey(selector, topologyKey, pod.nodeSelector, pod.requiredNodeAffinity, keys)
                : new ViewKey(selector, topologyKey, null, null, keys);
        if (honorTaints) {
            Domains d = new Domains(key, true, pod);
            for (int n : nodes.order()) {
                d.include(n);
            }
            return d;
        }
        Set<String> pinned = !honorAffinity || pod.requiredNodeAffinity == null ? null
                : pod.requiredNodeAffinity.pinnedNames();
        if (pinned != null) {
            // a DaemonSet-style pod counts on its named nodes only: a view per such template would
            // cost a pass over the cluster each, and upkeep on every pod change
            Domains d = new Domains(key, true, null);
            for (String name : pinned) {
                int n = nodes.indexOf(name);
                if (n >= 0) {
                    d.include(n);
                }
            }
            return d;
        }
        Domains d = views.get(key);
        if (d == null) {
            d = new Domains(key, false, null);
            views.put(key, d);
            viewsOfSelector.get(selector).add(d);
            allViews.add(d);
            for (int n : nodes.order()) {
                d.include(n);
            }
        }
        return d;
    }

    void templateRegistered(CompiledPod t) {
        if (selectorsOfTemplate.length <= t.id) {
            selectorsOfTemplate = Arrays.copyOf(selectorsOfTemplate, Math.max(t.id + 1, selectorsOfTemplate.length * 2));
        }
        int[] ids = NONE;
        for (int s = 0; s < selectors.size(); s++) {
            if (matches(selectors.get(s), t)) {
                ids = append(ids, s);
            }
        }
        selectorsOfTemplate[t.id] = ids;
    }

    void podsChanged(int templateId, int node, int sign) {
        int[] ids = selectorsOfTemplate[templateId];
        for (int s : ids) {
            perNode[s][node] += sign;
            // indexed: a run starts under C1, which allocates an iterator per for-each
            List<Domains> views = viewsOfSelector.get(s);
            for (int v = 0; v < views.size(); v++) {
                Domains d = views.get(v);
                if (node < d.included.length && d.included[node]) {
                    d.change(d.value[node], sign);
                }
            }
        }
    }

    void nodeAdded(int node) {
        for (int s = 0; s < perNode.length; s++) {
            if (perNode[s].length <= node) {
                perNode[s] = Arrays.copyOf(perNode[s], Math.max(node + 1, perNode[s].length * 2));
            }
        }
        for (Domains d : allViews) {
            d.include(node);
        }
    }

    void nodeRemoved(int node) {
        for (Domains d : allViews) {
            d.exclude(node);
        }
    }

    /** An empty selector ({@code labelSelector: {}}) counts nothing, as {@code countPodsMatchSelector} returns 0 for it. */
    private static boolean matches(SelectorKey key, CompiledPod t) {
        return !key.selector().isEmpty() && t.namespace.equals(key.namespace()) && key.selector().matches(t.labels);
    }

    private static int[] append(int[] a, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    /**
     * One selector's matching pods summed per value of one topology key over the nodes a pod's
     * spreading counts (PodTopologySpread's {@code TpValueToMatchNum} / {@code TopologyValueToPodCounts}
     * before the per-cycle restriction to the feasible nodes' values), with the number of domains
     * (values carried by at least one counted node) and the smallest domain count.
     */
    public final class Domains {
        private final ViewKey key;
        private final boolean snapshot;
        /** The pod whose tolerations a node's NoSchedule / NoExecute taints must pass, or null (taints ignored). */
        private final CompiledPod tolerating;
        /** Per node slot: counted by this view, and its value of the topology key. */
        private boolean[] included = new boolean[0];
        private int[] value = new int[0];
        /** Per interned value: matching pods, and counted nodes carrying it. */
        private long[] valueCount = new long[0];
        private int[] valueNodes = new int[0];
        /** Domains per count, for the minimum as counts move by one. */
        private int[] histogram = new int[16];
        private int domainCount;
        private int min = Integer.MAX_VALUE;

        private Domains(ViewKey key, boolean snapshot, CompiledPod tolerating) {
            this.key = key;
            this.snapshot = snapshot;
            this.tolerating = tolerating;
        }

        /** Counts taken once for one cycle, not maintained: ask {@link #domains} again next cycle. */
        public boolean isSnapshot() {
            return snapshot;
        }

        /** Matching pods over the counted nodes carrying {@code value} (0 when none does). */
        public long count(int value) {
            return value >= 0 && value < valueCount.length ? valueCount[value] : 0;
        }

        /** Values carried by at least one counted node. */
        public int domainCount() {
            return domainCount;
        }

        /** The smallest count over the domains; {@link Integer#MAX_VALUE} when there is none. */
        public int minCount() {
            return min;
        }

        private boolean counts(int n) {
            if (!nodes.isAlive(n) || nodes.labelValue(n, key.topologyKey()) == Symbols.ABSENT) {
                return false;
            }
            if (key.nodeSelector() != null && !key.nodeSelector().matches(nodes, n)) {
                return false;
            }
            if (key.requiredAffinity() != null && !key.requiredAffinity().matches(nodes, n)) {
                return false;
            }
            if (key.requiredKeys() != null) {
                for (int k : key.requiredKeys()) {
                    if (nodes.labelValue(n, k) == Symbols.ABSENT) {
                        return false;
                    }
                }
            }
            return tolerating == null || toleratesAll(n);
        }

        /** v1helper {@code FindMatchingUntoleratedTaint} over the NoSchedule and NoExecute taints. */
        private boolean toleratesAll(int n) {
            int[] effects = nodes.taintEffects(n);
            int[] taintKeys = nodes.taintKeys(n);
            int[] values = nodes.taintValues(n);
            for (int i = 0; i < effects.length; i++) {
                if ((effects[i] == TaintEffects.NO_SCHEDULE || effects[i] == TaintEffects.NO_EXECUTE)
                        && !tolerating.tolerates(taintKeys[i], values[i], effects[i])) {
                    return false;
                }
            }
            return true;
        }

        private void include(int n) {
            if (!counts(n)) {
                return;
            }
            if (included.length <= n) {
                int c = Math.max(n + 1, included.length * 2);
                included = Arrays.copyOf(included, c);
                value = Arrays.copyOf(value, c);
            }
            int v = nodes.labelValue(n, key.topologyKey());
            if (valueCount.length <= v) {
                int c = Math.max(v + 1, valueCount.length * 2);
                valueCount = Arrays.copyOf(valueCount, c);
                valueNodes = Arrays.copyOf(valueNodes, c);
            }
            included[n] = true;
            value[n] = v;
            if (valueNodes[v]++ == 0) {
                domainCount++;
                bucket(0, 1);
                min = Math.min(min, 0);
            }
            change(v, perNode[key.selector()][n]);
        }

        private void exclude(int n) {
            if (n >= included.length || !included[n]) {
                return;
            }
            int v = value[n];
            change(v, -perNode[key.selector()][n]);
            included[n] = false;
            if (--valueNodes[v] == 0) {
                domainCount--;
                bucket((int) valueCount[v], -1);
                raiseMin();
            }
        }

        private void change(int v, int delta) {
            if (delta == 0) {
                return;
            }
            int old = (int) valueCount[v];
            int now = old + delta;
            valueCount[v] = now;
            bucket(old, -1);
            bucket(now, 1);
            if (now < min) {
                min = now;
            } else if (old == min) {
                raiseMin();
            }
        }

        private void bucket(int count, int delta) {
            if (histogram.length <= count) {
                histogram = Arrays.copyOf(histogram, Math.max(count + 1, histogram.length * 2));
            }
            histogram[count] += delta;
        }

        /** Moves the minimum up past emptied counts (counts change by one pod at a time, mostly). */
        private void raiseMin() {
            if (domainCount == 0) {
                min = Integer.MAX_VALUE;
                return;
            }
            while (histogram[min] == 0) {
                min++;
            }
        }
    }
}
