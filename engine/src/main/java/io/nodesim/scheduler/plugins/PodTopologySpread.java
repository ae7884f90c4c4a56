package io.nodesim.scheduler.plugins;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.CompiledPod.SpreadConstraint;
import io.nodesim.scheduler.NodeTable;
import io.nodesim.scheduler.Symbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Filter: DoNotSchedule constraints, {@code matching + self - globalMin <= maxSkew} per domain, over
 * nodes that pass the pod's required node affinity and carry every key. Score: ScheduleAnyway
 * constraints, or the system defaults (hostname maxSkew 3, zone maxSkew 5) with the owners' selector;
 * {@code round(Σ cnt·ln(domains+2) + maxSkew − 1)}, normalised as {@code 100·(max+min−s)/max}
 * (kubernetes .../plugins/podtopologyspread/{filtering,scoring,common}.go; NodeInclusionPolicy
 * defaults: affinity honoured, taints ignored).
 */
public final class PodTopologySpread implements FilterPlugin, ScorePlugin {
    public static final String NAME = "PodTopologySpread";
    static final String REASON = "node(s) didn't match pod topology spread constraints";
    static final String REASON_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";

    private final NodeTable nodes;
    private final boolean systemDefaulting;
    private final int hostnameKey;
    private final int zoneKey;
    private final List<SpreadConstraint> active = new ArrayList<>();
    private final List<MatchingPods> matchers = new ArrayList<>();
    private long[][] counts = new long[0][];
    private boolean[][] present = new boolean[0][];
    private int[] minMatch = new int[0];
    private double[] weights = new double[0];
    private boolean requireAll;
    private boolean[] ignored = new boolean[0];

    public PodTopologySpread(NodeTable nodes, boolean systemDefaulting) {
        this.nodes = nodes;
        this.systemDefaulting = systemDefaulting;
        this.hostnameKey = nodes.symbols().intern(NodeTable.HOSTNAME_LABEL);
        this.zoneKey = nodes.symbols().intern(NodeTable.ZONE_LABEL);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String preFilter(CompiledPod pod) {
        active.clear();
        if (pod.spreadConstraints.isEmpty()) {
            return SKIP;
        }
        for (SpreadConstraint c : pod.spreadConstraints) {
            if (c.hard()) {
                active.add(c);
            }
        }
        if (active.isEmpty()) {
            return SKIP;
        }
        prepare(pod);
        for (int node : nodes.order()) {
            if (!NodeAffinity.matchesRequired(pod, nodes, node) || !hasAllKeys(node)) {
                continue;
            }
            for (int c = 0; c < active.size(); c++) {
                int v = nodes.labelValue(node, active.get(c).topologyKey());
                counts[c][v] += matchers.get(c).count(nodes, node);
                present[c][v] = true;
            }
        }
        for (int c = 0; c < active.size(); c++) {
            long min = Long.MAX_VALUE;
            int domains = 0;
            for (int v = 0; v < present[c].length; v++) {
                if (present[c][v]) {
                    domains++;
                    min = Math.min(min, counts[c][v]);
                }
            }
            minMatch[c] = domains < active.get(c).minDomains() || domains == 0 ? 0 : (int) min;
        }
        return null;
    }

    @Override
    public boolean filterIsNodeLocal() {
        return false;
    }

    @Override
    public String filter(CompiledPod pod, int node) {
        for (int c = 0; c < active.size(); c++) {
            SpreadConstraint sc = active.get(c);
            int v = nodes.labelValue(node, sc.topologyKey());
            if (v == Symbols.ABSENT) {
                return REASON_LABEL;
            }
            long skew = counts[c][v] + (sc.selfMatch() ? 1 : 0) - minMatch[c];
            if (skew > sc.maxSkew()) {
                return REASON;
            }
        }
        return null;
    }

    @Override
    public boolean preScore(CompiledPod pod, int[] feasible, int count) {
        active.clear();
        if (!pod.spreadConstraints.isEmpty()) {
            for (SpreadConstraint c : pod.spreadConstraints) {
                if (!c.hard()) {
                    active.add(c);
                }
            }
        } else if (systemDefaulting && pod.ownerSelector != null && !pod.ownerSelector.isEmpty()) {
            active.add(new SpreadConstraint(3, hostnameKey, false, pod.ownerSelector, 1, false));
            active.add(new SpreadConstraint(5, zoneKey, false, pod.ownerSelector, 1, false));
        }
        if (active.isEmpty()) {
            return false;
        }
        requireAll = !pod.spreadConstraints.isEmpty() || !systemDefaulting;
        prepare(pod);
        if (ignored.length < nodes.slots()) {
            ignored = new boolean[nodes.slots()];
        }
        int ignoredCount = 0;
        int[] topoSize = new int[active.size()];
        for (int i = 0; i < count; i++) {
            int node = feasible[i];
            ignored[node] = requireAll && !hasAllKeys(node);
            if (ignored[node]) {
                ignoredCount++;
                continue;
            }
            for (int c = 0; c < active.size(); c++) {
                int key = active.get(c).topologyKey();
                int v = nodes.labelValue(node, key);
                if (key != hostnameKey && v != Symbols.ABSENT && !present[c][v]) {
                    present[c][v] = true;
                    topoSize[c]++;
                }
            }
        }
        for (int c = 0; c < active.size(); c++) {
            int size = active.get(c).topologyKey() == hostnameKey ? count - ignoredCount : topoSize[c];
            weights[c] = Math.log(size + 2);
        }
        for (int node : nodes.order()) {
            if (!NodeAffinity.matchesRequired(pod, nodes, node) || (requireAll && !hasAllKeys(node))) {
                continue;
            }
            for (int c = 0; c < active.size(); c++) {
                int v = nodes.labelValue(node, active.get(c).topologyKey());
                if (v != Symbols.ABSENT && present[c][v]) {
                    counts[c][v] += matchers.get(c).count(nodes, node);
                }
            }
        }
        return true;
    }

    @Override
    public long score(CompiledPod pod, int node) {
        if (ignored[node]) {
            return 0;
        }
        double score = 0;
        for (int c = 0; c < active.size(); c++) {
            SpreadConstraint sc = active.get(c);
            int v = nodes.labelValue(node, sc.topologyKey());
            if (v == Symbols.ABSENT) {
                continue;
            }
            long cnt = sc.topologyKey() == hostnameKey ? matchers.get(c).count(nodes, node) : counts[c][v];
            score += cnt * weights[c] + (sc.maxSkew() - 1);
        }
        return Math.round(score);
    }

    @Override
    public boolean normalizes() {
        return true;
    }

    @Override
    public void normalize(int[] feasible, long[] scores, int count) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < count; i++) {
            if (!ignored[feasible[i]]) {
                min = Math.min(min, scores[i]);
                max = Math.max(max, scores[i]);
            }
        }
        for (int i = 0; i < count; i++) {
            if (ignored[feasible[i]]) {
                scores[i] = 0;
            } else if (max == 0) {
                scores[i] = Normalize.MAX_NODE_SCORE;
            } else {
                scores[i] = Normalize.MAX_NODE_SCORE * (max + min - scores[i]) / max;
            }
        }
    }

    /** Sizes and clears the per-constraint scratch, and selects the matching templates. */
    private void prepare(CompiledPod pod) {
        int n = active.size();
        int symbols = nodes.symbols().size();
        if (counts.length < n || (n > 0 && counts[0].length < symbols)) {
            counts = new long[Math.max(n, counts.length)][symbols];
            present = new boolean[counts.length][symbols];
            minMatch = new int[counts.length];
            weights = new double[counts.length];
        } else {
            for (int c = 0; c < n; c++) {
                Arrays.fill(counts[c], 0);
                Arrays.fill(present[c], false);
            }
        }
        while (matchers.size() < n) {
            matchers.add(new MatchingPods());
        }
        for (int c = 0; c < n; c++) {
            matchers.get(c).select(nodes, active.get(c).selector(), pod.namespace);
        }
    }

    private boolean hasAllKeys(int node) {
        for (SpreadConstraint c : active) {
            if (nodes.labelValue(node, c.topologyKey()) == Symbols.ABSENT) {
                return false;
            }
        }
        return true;
    }
}
