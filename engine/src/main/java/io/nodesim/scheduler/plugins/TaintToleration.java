package io.nodesim.scheduler.plugins;

import static io.nodesim.scheduler.plugins.ExtensionPoint.FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.NORMALIZE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.SCORE;
import static io.nodesim.scheduler.plugins.PluginDescriptor.plugin;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.TaintEffects;
import java.util.HashMap;
import java.util.Map;

/**
 * Filter: any NoSchedule / NoExecute taint the pod does not tolerate rejects the node. Score: the
 * number of PreferNoSchedule taints not tolerated by the pod's PreferNoSchedule (or effect-less)
 * tolerations, normalised in reverse (kubernetes .../plugins/tainttoleration/taint_toleration.go).
 */
public final class TaintToleration implements FilterPlugin, ScorePlugin {
    public static final String NAME = "TaintToleration";
    public static final PluginDescriptor DESCRIPTOR = plugin(NAME, FILTER, PRE_SCORE, SCORE, NORMALIZE_SCORE)
            .weight(1).weightFrom(23, 3).scoreNodeLocal()
            .build((nodes, config) -> new TaintToleration(nodes, config.taintInReason()));

    static final String GENERIC_REASON = "node(s) had untolerated taint(s)";

    private final SchedulerCache nodes;
    private final boolean taintInReason;
    private final Map<Long, String> reasons = new HashMap<>();

    /** @param taintInReason name the taint in the reason (before 1.35, PR #134740) */
    public TaintToleration(SchedulerCache nodes, boolean taintInReason) {
        this.nodes = nodes;
        this.taintInReason = taintInReason;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String preFilter(CompiledPod pod) {
        return null;
    }

    @Override
    public String filter(CompiledPod pod, int node) {
        int[] effects = nodes.taintEffects(node);
        if (effects.length == 0) {
            return null;
        }
        int[] keys = nodes.taintKeys(node);
        int[] values = nodes.taintValues(node);
        for (int i = 0; i < effects.length; i++) {
            if ((effects[i] == TaintEffects.NO_SCHEDULE || effects[i] == TaintEffects.NO_EXECUTE)
                    && !pod.tolerates(keys[i], values[i], effects[i])) {
                return reason(keys[i], values[i]);
            }
        }
        return null;
    }

    private String reason(int key, int value) {
        if (!taintInReason) {
            return GENERIC_REASON;
        }
        return reasons.computeIfAbsent(((long) key << 32) | value, k -> "node(s) had untolerated taint {"
                + nodes.symbols().name(key) + ": " + nodes.symbols().name(value) + "}");
    }

    @Override
    public boolean preScore(CompiledPod pod, int[] feasible, int count) {
        return true;
    }

    @Override
    public long score(CompiledPod pod, int node) {
        int[] effects = nodes.taintEffects(node);
        int[] keys = nodes.taintKeys(node);
        int[] values = nodes.taintValues(node);
        long intolerable = 0;
        for (int i = 0; i < effects.length; i++) {
            if (effects[i] == TaintEffects.PREFER_NO_SCHEDULE && !toleratedForScore(pod, keys[i], values[i])) {
                intolerable++;
            }
        }
        return intolerable;
    }

    private static boolean toleratedForScore(CompiledPod pod, int key, int value) {
        for (int t = 0; t < pod.tolerationEffect.length; t++) {
            int e = pod.tolerationEffect[t];
            if ((e == TaintEffects.ANY_EFFECT || e == TaintEffects.PREFER_NO_SCHEDULE)
                    && pod.tolerationMatches(t, key, value, TaintEffects.PREFER_NO_SCHEDULE)) {
                return true;
            }
        }
        return false;
    }

    /** No PreferNoSchedule taint anywhere: every raw score is 0, reverse-normalised to 100. */
    @Override
    public long uniformScore(CompiledPod pod) {
        return nodes.preferNoScheduleTaints() == 0 ? Normalize.MAX_NODE_SCORE : -1;
    }

    @Override
    public void normalize(int[] feasible, long[] scores, int count) {
        Normalize.defaultNormalize(scores, count, true);
    }
}
