package io.nodesim.scheduler.plugins;

import static io.nodesim.scheduler.plugins.ExtensionPoint.FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.NORMALIZE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.SCORE;
import static io.nodesim.scheduler.plugins.PluginDescriptor.plugin;

import io.nodesim.cluster.WellKnownLabels;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.CompiledPod.SpreadConstraint;
import io.nodesim.scheduler.MatchingPodCounts;
import io.nodesim.scheduler.MatchingPodCounts.Domains;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.Symbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Filter: DoNotSchedule constraints, {@code matching + self - globalMin <= maxSkew} per domain, over
 * nodes that pass the pod's required node affinity and carry every key. Score: ScheduleAnyway
 * constraints, or the system defaults (hostname maxSkew 3, zone maxSkew 5) with the owners' selector;
 * {@code round(Σ cnt·ln(domains+2) + maxSkew − 1)}, normalised as {@code 100·(max+min−s)/max}
 * (kubernetes .../plugins/podtopologyspread/{filtering,scoring,common}.go). Each constraint counts
 * the nodes its NodeInclusionPolicies admit ({@code matchNodeInclusionPolicies}): {@code nodeAffinityPolicy}
 * Honor (default) or Ignore, {@code nodeTaintsPolicy} Ignore (default) or Honor.
 *
 * <p>Upstream counts the matching pods of every node in each PreFilter and PreScore; here the counts
 * per node and per domain come from {@link MatchingPodCounts}, maintained as pods come and go, so
 * a cycle costs O(feasible nodes), and the answers are the same.
 */
public final class PodTopologySpread implements FilterPlugin, ScorePlugin {
    public static final String NAME = "PodTopologySpread";
    public static final PluginDescriptor DESCRIPTOR = plugin(NAME, PRE_FILTER, FILTER, PRE_SCORE, SCORE, NORMALIZE_SCORE)
            .weight(2).args("PodTopologySpreadArgs").filterReadsOtherNodes()
            .build((nodes, config) -> new PodTopologySpread(nodes, config.spreadSystemDefaulting()));
    static final String REASON = "node(s) didn't match pod topology spread constraints";
    public static final String REASON_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";

    /** A template's constraints of one kind, with their selectors' counts. */
    private record Constraints(SpreadConstraint[] list, int[] selector, Domains[] domains, int[] keys) {
    }

    /** What a template's cycles reuse: its hard and its scoring constraints, resolved once. */
    private record Prepared(Constraints hard, Constraints soft, boolean requireAll) {
    }

    private final SchedulerCache nodes;
    private final MatchingPodCounts matching;
    private final boolean systemDefaulting;
    private final int hostnameKey;
    private final int zoneKey;
    private final Map<CompiledPod, Prepared> prepared = new IdentityHashMap<>();
    private Constraints hard;
    private int[] minMatch = new int[0];
    private Constraints soft;
    private boolean requireAll;
    private double[] weights = new double[0];
    private int[] topoSize = new int[0];
    /** Per scoring constraint, every node's value of its topology key. */
    private int[][] column = new int[0][];
    /** Per scoring constraint: hostname (counted per node), its per-node counts, {@code maxSkew - 1}. */
    private boolean[] perNode = new boolean[0];
    private int[][] nodeCounts = new int[0][];
    private double[] skewTerm = new double[0];
    /** Per other constraint: the values seen on feasible nodes, and each one's term of the score. */
    private int[][] values = new int[0][];
    private double[][] term = new double[0][];
    /** Per constraint and value: the PreScore call that last saw the value on a feasible node. */
    private int[][] seen = new int[0][];
    private int stamp;
    private boolean[] ignored = new boolean[0];
    /** Per label key: how many values it has over every node slot, and the membership generation + 1 it was counted at. */
    private int[] distinctValues = new int[0];
    private long[] distinctCountedAt = new long[0];
    /** The range of the scores {@link #scoreAll} just computed, when {@code scoredRange}. */
    private long scoredMin;
    private long scoredMax;
    private boolean scoredRange;
    /** Whether {@link #scoreAll} put every feasible node in a memo class (none ignored or scored alone). */
    private boolean everyNodeClassed;
    /** Whether this cycle ignores any feasible node (only when every key is required). */
    private boolean anyIgnored;
    private final SpreadScoreMemo memo = new SpreadScoreMemo();
    /** {@link #scoreClass} of the nodes PreScore ignores: above any two 31-bit parts. */
    private static final long IGNORED_CLASS = 1L << 62;
    /** This cycle's scores go through {@link #memo}: its hostname constraint (or -1) and domain constraint (or -1). */
    private boolean memoised;
    private int memoHostname;
    private int memoDomain;

    public PodTopologySpread(SchedulerCache nodes, boolean systemDefaulting) {
        this.nodes = nodes;
        this.matching = nodes.matching();
        this.systemDefaulting = systemDefaulting;
        this.hostnameKey = nodes.symbols().intern(WellKnownLabels.HOSTNAME);
        this.zoneKey = nodes.symbols().intern(WellKnownLabels.ZONE);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String preFilter(CompiledPod pod) {
        hard = null;
        if (pod.spreadConstraints.isEmpty()) {
            return SKIP;
        }
        Prepared p = prepare(pod);
        if (p.hard == null) {
            return SKIP;
        }
        hard = refresh(pod, p.hard);
        int n = hard.list.length;
        if (minMatch.length < n) {
            minMatch = new int[n];
        }
        for (int c = 0; c < n; c++) {
            Domains d = hard.domains[c];
            int domains = d.domainCount();
            minMatch[c] = domains < hard.list[c].minDomains() || domains == 0 ? 0 : d.minCount();
        }
        return null;
    }

    @Override
    public String filter(CompiledPod pod, int node) {
        for (int c = 0; c < hard.list.length; c++) {
            SpreadConstraint sc = hard.list[c];
            int v = nodes.labelValue(node, sc.topologyKey());
            if (v == Symbols.ABSENT) {
                return REASON_LABEL;
            }
            long skew = hard.domains[c].count(v) + (sc.selfMatch() ? 1 : 0) - minMatch[c];
            if (skew > sc.maxSkew()) {
                return REASON;
            }
        }
        return null;
    }

    @Override
    public boolean preScore(CompiledPod pod, int[] feasible, int count) {
        return preScore(pod, feasible, null, count, count);
    }

    /** PreScore reads of the feasible nodes their keys only: one node per class, counted as many times, does. */
    @Override
    public boolean preScoreClasses(CompiledPod pod, int[] nodesOfClasses, int[] multiplicity, int classes, int count) {
        return preScore(pod, nodesOfClasses, multiplicity, classes, count);
    }

    /** @param multiplicity how many feasible nodes each of {@code feasible} stands for, or null: one each */
    private boolean preScore(CompiledPod pod, int[] feasible, int[] multiplicity, int listed, int count) {
        soft = null;
        scoredRange = false;
        memoised = false;
        if (pod.spreadConstraints.isEmpty() && !(systemDefaulting && pod.ownerSelector != null
                && !pod.ownerSelector.isEmpty())) {
            return false;
        }
        Prepared p = prepare(pod);
        if (p.soft == null) {
            return false;
        }
        soft = refresh(pod, p.soft);
        requireAll = p.requireAll;
        int n = soft.list.length;
        if (ignored.length < nodes.slots()) {
            ignored = new boolean[nodes.slots()];
        }
        int symbols = nodes.symbols().size();
        if (seen.length < n || seen[0].length < symbols) {
            seen = new int[Math.max(n, seen.length)][symbols + symbols / 2];
            values = new int[seen.length][symbols + symbols / 2];
            term = new double[seen.length][symbols + symbols / 2];
            weights = new double[seen.length];
            topoSize = new int[seen.length];
            column = new int[seen.length][];
            perNode = new boolean[seen.length];
            nodeCounts = new int[seen.length][];
            skewTerm = new double[seen.length];
        }
        for (int c = 0; c < n; c++) {
            SpreadConstraint sc = soft.list[c];
            column[c] = nodes.labelColumn(sc.topologyKey());
            perNode[c] = sc.topologyKey() == hostnameKey;
            nodeCounts[c] = perNode[c] ? matching.counts(soft.selector[c]) : null;
            skewTerm[c] = sc.maxSkew() - 1;
        }
        stamp++;
        Arrays.fill(topoSize, 0, n, 0);
        // the domains still to be seen; once every value the key has on any node is seen, the walk can
        // stop, unless every key is required (then each feasible node's keys must be checked)
        int unseen = 0;
        for (int c = 0; c < n; c++) {
            if (!perNode[c]) {
                unseen += valuesOnAnyNode(soft.list[c].topologyKey(), column[c]);
            }
        }
        int ignoredCount = 0;
        for (int i = 0; i < listed && (requireAll || unseen > 0); i++) {
            int node = feasible[i];
            if (requireAll) {
                ignored[node] = !hasAllKeys(soft, node);
                if (ignored[node]) {
                    ignoredCount += multiplicity == null ? 1 : multiplicity[i];
                    continue;
                }
            }
            for (int c = 0; c < n; c++) {
                int v = column[c][node];
                if (!perNode[c] && v != Symbols.ABSENT && seen[c][v] != stamp) {
                    seen[c][v] = stamp;
                    values[c][topoSize[c]++] = v;
                    unseen--;
                }
            }
        }
        anyIgnored = ignoredCount > 0;
        for (int c = 0; c < n; c++) {
            int size = perNode[c] ? count - ignoredCount : topoSize[c];
            weights[c] = Math.log(size + 2);
            // a domain's term is the same for each of its nodes: computed once, bit for bit as per node
            for (int k = 0; k < topoSize[c]; k++) {
                int v = values[c][k];
                term[c][v] = soft.domains[c].count(v) * weights[c] + skewTerm[c];
            }
        }
        prepareMemo(n, symbols);
        return true;
    }

    /** Whether the cycle's constraints have the memo's shape: at most one hostname and one domain constraint. */
    private void prepareMemo(int n, int symbols) {
        memoHostname = -1;
        memoDomain = -1;
        memoised = true;
        for (int c = 0; c < n && memoised; c++) {
            if (perNode[c] ? memoHostname >= 0 : memoDomain >= 0) {
                memoised = false;
            } else if (perNode[c]) {
                memoHostname = c;
            } else {
                memoDomain = c;
                memoised = topoSize[c] <= SpreadScoreMemo.MAX_DOMAINS;
            }
        }
        if (memoised) {
            memo.begin(memoDomain < 0 ? values[0] : values[memoDomain], memoDomain < 0 ? 0 : topoSize[memoDomain], symbols);
        }
    }

    @Override
    public long score(CompiledPod pod, int node) {
        if (anyIgnored && ignored[node]) {
            return 0;
        }
        double score = 0;
        for (int c = 0; c < soft.list.length; c++) {
            int v = column[c][node];
            if (v == Symbols.ABSENT) {
                continue;
            }
            // cnt·weight + maxSkew − 1; a feasible node's domain is one PreScore saw, its count upstream's
            score += perNode[c] ? nodeCounts[c][node] * weights[c] + skewTerm[c] : term[c][v];
        }
        return Math.round(score);
    }

    /**
     * Scores the nodes and notes their range for the {@link #normalize} that follows (one pass less);
     * with the memo, each class of node (hostname count, domain) is scored once.
     */
    @Override
    public void scoreAll(CompiledPod pod, int[] feasible, int count, long[] out) {
        long min = Long.MAX_VALUE;
        long max = 0;
        if (memoised) {
            int[] classes = memo.classes(count);
            // every node carries its hostname label (SchedulerCache.addNode), so the hostname term always counts
            int[] counts = memoHostname < 0 ? null : nodeCounts[memoHostname];
            int[] domain = memoDomain < 0 ? null : column[memoDomain];
            boolean everyNode = true;
            for (int i = 0; i < count; i++) {
                int node = feasible[i];
                if (anyIgnored && ignored[node]) {
                    out[i] = 0;
                    classes[i] = -1;
                    everyNode = false;
                    continue;
                }
                int c = memo.classOf(counts == null ? 0 : counts[node], domain == null ? Symbols.ABSENT : domain[node]);
                long s;
                if (c >= 0 && memo.hasRaw(c)) {
                    s = memo.raw(c);
                } else {
                    s = score(pod, node);
                    if (c >= 0) {
                        memo.putRaw(c, s);
                    }
                }
                classes[i] = c;
                out[i] = s;
                everyNode &= c >= 0;
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
            scoredMin = min;
            scoredMax = max;
            scoredRange = true;
            everyNodeClassed = everyNode;
            return;
        }
        for (int i = 0; i < count; i++) {
            int node = feasible[i];
            long s = score(pod, node);
            out[i] = s;
            if (!anyIgnored || !ignored[node]) {
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
        }
        scoredMin = min;
        scoredMax = max;
        scoredRange = true;
    }

    /**
     * NormalizeScore by class, when {@link #scoreAll} put every feasible node in a class: each class
     * of this cycle is normalised once, and a node's score is its class's.
     */
    @Override
    public int[] normalizeByClass(int count) {
        if (!memoised || !scoredRange || !everyNodeClassed) {
            return null;
        }
        scoredRange = false;
        long min = scoredMin;
        long max = scoredMax;
        double reciprocal = Normalize.reciprocal(max);
        for (int k = 0; k < memo.presentCount(); k++) {
            int c = memo.present(k);
            memo.putNormalized(c, max == 0 ? Normalize.MAX_NODE_SCORE
                    : Normalize.divide(Normalize.MAX_NODE_SCORE * (max + min - memo.raw(c)), max, reciprocal));
        }
        return memo.classes();
    }

    @Override
    public long[] classScores() {
        return memo.normalizedScores();
    }

    @Override
    public void normalize(int[] feasible, long[] scores, int count) {
        long min = scoredMin;
        long max = scoredMax;
        if (!scoredRange) {
            min = Long.MAX_VALUE;
            max = 0;
            for (int i = 0; i < count; i++) {
                if (!anyIgnored || !ignored[feasible[i]]) {
                    min = Math.min(min, scores[i]);
                    max = Math.max(max, scores[i]);
                }
            }
        }
        boolean classified = memoised && scoredRange;
        int[] classes = memo.classes();
        scoredRange = false;
        double reciprocal = Normalize.reciprocal(max);
        for (int i = 0; i < count; i++) {
            int c = classified ? classes[i] : -1;
            if (c >= 0) {
                // a class's nodes share the raw score, hence the normalised one
                if (!memo.hasNormalized(c)) {
                    memo.putNormalized(c, max == 0 ? Normalize.MAX_NODE_SCORE
                            : Normalize.divide(Normalize.MAX_NODE_SCORE * (max + min - scores[i]), max, reciprocal));
                }
                scores[i] = memo.normalized(c);
                continue;
            }
            if (anyIgnored && ignored[feasible[i]]) {
                scores[i] = 0;
            } else if (max == 0) {
                scores[i] = Normalize.MAX_NODE_SCORE;
            } else {
                scores[i] = Normalize.divide(Normalize.MAX_NODE_SCORE * (max + min - scores[i]), max, reciprocal);
            }
        }
    }

    /**
     * A node's raw score reads, per scoring constraint, its hostname count or its domain's term, and
     * is 0 when PreScore ignores it (a key missing where every key is required): so the key is those
     * counts and domain values, for up to two constraints whose parts fit 31 bits each.
     */
    @Override
    public long scoreClass(CompiledPod pod, int node) {
        if (pod.spreadConstraints.isEmpty() && !(systemDefaulting && pod.ownerSelector != null
                && !pod.ownerSelector.isEmpty())) {
            return 0;
        }
        Prepared p = prepare(pod);
        Constraints cs = p.soft;
        if (cs == null) {
            return 0;
        }
        if (cs.list.length > 2) {
            return -1;
        }
        if (p.requireAll && !hasAllKeys(cs, node)) {
            return IGNORED_CLASS;
        }
        long key = 0;
        for (int c = 0; c < cs.list.length; c++) {
            int topologyKey = cs.list[c].topologyKey();
            int v = nodes.labelValue(node, topologyKey);
            long part;
            if (v == Symbols.ABSENT) {
                part = 0;
            } else if (topologyKey == hostnameKey) {
                part = matching.count(cs.selector[c], node) + 1L;
            } else {
                part = v + 1L;
            }
            if (part >= 1L << 31) {
                return -1;
            }
            key = key << 31 | part;
        }
        return key;
    }

    /** The template's constraints with their selectors' counts, resolved on its first cycle. */
    private Prepared prepare(CompiledPod pod) {
        Prepared p = prepared.get(pod);
        if (p != null) {
            return p;
        }
        List<SpreadConstraint> hardList = new ArrayList<>();
        List<SpreadConstraint> softList = new ArrayList<>();
        for (SpreadConstraint c : pod.spreadConstraints) {
            (c.hard() ? hardList : softList).add(c);
        }
        if (pod.spreadConstraints.isEmpty() && systemDefaulting && pod.ownerSelector != null
                && !pod.ownerSelector.isEmpty()) {
            softList.add(new SpreadConstraint(3, hostnameKey, false, pod.ownerSelector, 1, false));
            softList.add(new SpreadConstraint(5, zoneKey, false, pod.ownerSelector, 1, false));
        }
        // PreScore requires every key only for constraints the pod states (or with defaulting off)
        boolean all = !pod.spreadConstraints.isEmpty() || !systemDefaulting;
        p = new Prepared(resolve(pod, hardList, true), resolve(pod, softList, all), all);
        prepared.put(pod, p);
        return p;
    }

    /**
     * The constraints with their selectors and per-domain counts over the nodes that take part:
     * those each constraint's inclusion policies admit and, when {@code requireAllKeys}, carrying every key.
     */
    private Constraints resolve(CompiledPod pod, List<SpreadConstraint> list, boolean requireAllKeys) {
        if (list.isEmpty()) {
            return null;
        }
        int n = list.size();
        int[] keys = new int[n];
        int[] selector = new int[n];
        for (int c = 0; c < n; c++) {
            keys[c] = list.get(c).topologyKey();
            selector[c] = matching.selector(list.get(c).selector(), pod.namespace);
        }
        Constraints r = new Constraints(list.toArray(new SpreadConstraint[0]), selector, new Domains[n],
                requireAllKeys ? keys : null);
        return refresh(pod, r);
    }

    /**
     * Fills the per-domain counts of every constraint but scoring's hostname ones (Score reads the
     * node's own count). Maintained views are kept; a pod pinned to named nodes gets counts over
     * those nodes afresh (see {@link MatchingPodCounts#domains}).
     */
    private Constraints refresh(CompiledPod pod, Constraints r) {
        for (int c = 0; c < r.list.length; c++) {
            SpreadConstraint sc = r.list[c];
            if ((sc.hard() || sc.topologyKey() != hostnameKey)
                    && (r.domains[c] == null || r.domains[c].isSnapshot())) {
                r.domains[c] = matching.domains(r.selector[c], sc.topologyKey(), pod, r.keys,
                        sc.honorNodeAffinity(), sc.honorNodeTaints());
            }
        }
        return r;
    }

    /**
     * How many values the key has over every node slot, live or not (an upper bound of the domains a
     * cycle's feasible nodes can show); labels are set when a node is added, so it is counted again
     * only when the node set changes.
     */
    private int valuesOnAnyNode(int key, int[] column) {
        if (key >= distinctValues.length) {
            distinctValues = Arrays.copyOf(distinctValues, key + 16);
            distinctCountedAt = Arrays.copyOf(distinctCountedAt, key + 16);
        }
        long membership = nodes.membershipGeneration() + 1;
        if (distinctCountedAt[key] != membership) {
            int[] v = Arrays.copyOf(column, nodes.slots());
            Arrays.sort(v);
            int distinct = 0;
            for (int i = 0; i < v.length; i++) {
                if (v[i] != Symbols.ABSENT && (i == 0 || v[i] != v[i - 1])) {
                    distinct++;
                }
            }
            distinctValues[key] = distinct;
            distinctCountedAt[key] = membership;
        }
        return distinctValues[key];
    }

    private boolean hasAllKeys(Constraints cs, int node) {
        for (SpreadConstraint c : cs.list) {
            if (nodes.labelValue(node, c.topologyKey()) == Symbols.ABSENT) {
                return false;
            }
        }
        return true;
    }
}
