package io.nodesim.scheduler.plugins;

import static io.nodesim.scheduler.plugins.ExtensionPoint.FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.NORMALIZE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.SCORE;
import static io.nodesim.scheduler.plugins.PluginDescriptor.plugin;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.CompiledPod.AffinityTerm;
import io.nodesim.scheduler.NodePods;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.Symbols;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Filter: the pod's required affinity (every term's topology pair must hold a pod matching all terms;
 * the first pod of a self-affine series passes), its required anti-affinity, and the required
 * anti-affinity of existing pods. Score: preferred terms both ways plus existing pods' required
 * affinity at {@code hardPodAffinityWeight}, summed per topology pair, min-max normalised
 * (kubernetes .../plugins/interpodaffinity/{filtering,scoring}.go).
 */
public final class InterPodAffinity implements FilterPlugin, ScorePlugin {
    public static final String NAME = "InterPodAffinity";
    public static final PluginDescriptor DESCRIPTOR = plugin(NAME, PRE_FILTER, FILTER, PRE_SCORE, SCORE, NORMALIZE_SCORE)
            .weight(1).weightFrom(23, 2).args("InterPodAffinityArgs").filterReadsOtherNodes()
            .build((nodes, config) -> new InterPodAffinity(nodes, config.hardPodAffinityWeight()));
    public static final String REASON_AFFINITY = "node(s) didn't match pod affinity rules";
    static final String REASON_ANTI = "node(s) didn't match pod anti-affinity rules";
    static final String REASON_EXISTING = "node(s) didn't satisfy existing pods anti-affinity rules";

    private final SchedulerCache nodes;
    private final NodePods pods;
    private final long hardPodAffinityWeight;
    private final Map<Long, Long> existingAnti = new HashMap<>();
    private final Map<Long, Long> affinity = new HashMap<>();
    private final Map<Long, Long> anti = new HashMap<>();
    private final Map<Long, Long> topologyScore = new HashMap<>();

    public InterPodAffinity(SchedulerCache nodes, long hardPodAffinityWeight) {
        this.nodes = nodes;
        this.pods = nodes.pods();
        this.hardPodAffinityWeight = hardPodAffinityWeight;
    }

    @Override
    public String name() {
        return NAME;
    }

    private static long pair(int key, int value) {
        return ((long) key << 32) | (value & 0xffffffffL);
    }

    private void add(Map<Long, Long> m, int node, int key, long value) {
        int v = nodes.labelValue(node, key);
        if (v != Symbols.ABSENT) {
            m.merge(pair(key, v), value, Long::sum);
        }
    }

    @Override
    public String preFilter(CompiledPod pod) {
        existingAnti.clear();
        affinity.clear();
        anti.clear();
        boolean podHasTerms = !pod.requiredAffinity.isEmpty() || !pod.requiredAntiAffinity.isEmpty();
        if (!podHasTerms && pods.totalPodsWithAffinity() == 0) {
            // no term on either side: nothing to count (the common case, kept off the per-node walk)
            return SKIP;
        }
        List<CompiledPod> templates = pods.templates();
        for (int node : nodes.order()) {
            for (int i = 0; i < pods.templatesOn(node); i++) {
                CompiledPod existing = templates.get(pods.templateOn(node, i));
                int n = pods.podsOfTemplateOn(node, i);
                if (!podHasTerms && existing.requiredAntiAffinity.isEmpty()) {
                    continue;
                }
                for (AffinityTerm t : existing.requiredAntiAffinity) {
                    if (t.selects(pod)) {
                        add(existingAnti, node, t.topologyKey(), n);
                    }
                }
                if (!pod.requiredAffinity.isEmpty() && matchesAll(pod.requiredAffinity, existing)) {
                    for (AffinityTerm t : pod.requiredAffinity) {
                        add(affinity, node, t.topologyKey(), n);
                    }
                }
                for (AffinityTerm t : pod.requiredAntiAffinity) {
                    if (t.selects(existing)) {
                        add(anti, node, t.topologyKey(), n);
                    }
                }
            }
        }
        existingAnti.values().removeIf(v -> v == 0);
        if (existingAnti.isEmpty() && pod.requiredAffinity.isEmpty() && pod.requiredAntiAffinity.isEmpty()) {
            return SKIP;
        }
        return null;
    }

    private static boolean matchesAll(List<AffinityTerm> terms, CompiledPod pod) {
        for (AffinityTerm t : terms) {
            if (!t.selects(pod)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String filter(CompiledPod pod, int node) {
        boolean podsExist = true;
        for (AffinityTerm t : pod.requiredAffinity) {
            int v = nodes.labelValue(node, t.topologyKey());
            if (v == Symbols.ABSENT) {
                return REASON_AFFINITY;
            }
            if (affinity.getOrDefault(pair(t.topologyKey(), v), 0L) <= 0) {
                podsExist = false;
            }
        }
        if (!podsExist && !(affinity.isEmpty() && matchesAll(pod.requiredAffinity, pod))) {
            return REASON_AFFINITY;
        }
        for (AffinityTerm t : pod.requiredAntiAffinity) {
            int v = nodes.labelValue(node, t.topologyKey());
            if (v != Symbols.ABSENT && anti.getOrDefault(pair(t.topologyKey(), v), 0L) > 0) {
                return REASON_ANTI;
            }
        }
        if (!existingAnti.isEmpty()) {
            int[] keys = nodes.labelKeys(node);
            int[] values = nodes.labelValues(node);
            for (int i = 0; i < keys.length; i++) {
                if (existingAnti.getOrDefault(pair(keys[i], values[i]), 0L) > 0) {
                    return REASON_EXISTING;
                }
            }
        }
        return null;
    }

    @Override
    public boolean preScore(CompiledPod pod, int[] feasible, int count) {
        boolean hasConstraints = !pod.preferredAffinity.isEmpty() || !pod.preferredAntiAffinity.isEmpty();
        topologyScore.clear();
        if (!hasConstraints && pods.totalPodsWithAffinity() == 0) {
            return false;
        }
        boolean touched = false;
        List<CompiledPod> templates = pods.templates();
        for (int node : nodes.order()) {
            if (!hasConstraints && pods.podsWithAffinity(node) == 0) {
                continue;
            }
            for (int i = 0; i < pods.templatesOn(node); i++) {
                CompiledPod existing = templates.get(pods.templateOn(node, i));
                int n = pods.podsOfTemplateOn(node, i);
                if (!hasConstraints && !existing.hasPodAffinity()) {
                    continue;
                }
                touched |= process(pod.preferredAffinity, existing, node, n);
                touched |= process(pod.preferredAntiAffinity, existing, node, -n);
                if (hardPodAffinityWeight > 0) {
                    for (AffinityTerm t : existing.requiredAffinity) {
                        touched |= term(t, hardPodAffinityWeight, pod, node, n);
                    }
                }
                touched |= process(existing.preferredAffinity, pod, node, n);
                touched |= process(existing.preferredAntiAffinity, pod, node, -n);
            }
        }
        return touched;
    }

    private boolean process(List<AffinityTerm> terms, CompiledPod target, int node, int multiplier) {
        boolean touched = false;
        for (AffinityTerm t : terms) {
            touched |= term(t, t.weight(), target, node, multiplier);
        }
        return touched;
    }

    private boolean term(AffinityTerm t, long weight, CompiledPod target, int node, int multiplier) {
        if (!t.selects(target) || nodes.labelValue(node, t.topologyKey()) == Symbols.ABSENT) {
            return false;
        }
        add(topologyScore, node, t.topologyKey(), weight * multiplier);
        return true;
    }

    @Override
    public long score(CompiledPod pod, int node) {
        long score = 0;
        int[] keys = nodes.labelKeys(node);
        int[] values = nodes.labelValues(node);
        for (int i = 0; i < keys.length; i++) {
            score += topologyScore.getOrDefault(pair(keys[i], values[i]), 0L);
        }
        return score;
    }

    @Override
    public void normalize(int[] feasible, long[] scores, int count) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, scores[i]);
            max = Math.max(max, scores[i]);
        }
        long diff = max - min;
        for (int i = 0; i < count; i++) {
            double f = diff > 0 ? Normalize.MAX_NODE_SCORE * ((double) (scores[i] - min) / (double) diff) : 0;
            scores[i] = (long) f;
        }
    }
}
