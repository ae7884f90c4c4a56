package io.nodesim.scheduler.plugins;

import static io.nodesim.scheduler.plugins.ExtensionPoint.FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.NORMALIZE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.SCORE;
import static io.nodesim.scheduler.plugins.PluginDescriptor.plugin;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;
import java.util.Set;

/**
 * Filter: the pod's nodeSelector and required node affinity (terms ORed, expressions ANDed); a
 * required term pinning {@code metadata.name} narrows the nodes PreFilter hands to filtering.
 * Score: the sum of the weights of the preferred terms a node matches, normalised by the maximum
 * (kubernetes .../plugins/nodeaffinity/node_affinity.go).
 */
public final class NodeAffinity implements FilterPlugin, ScorePlugin {
    public static final String NAME = "NodeAffinity";
    public static final PluginDescriptor DESCRIPTOR = plugin(NAME, PRE_FILTER, FILTER, PRE_SCORE, SCORE, NORMALIZE_SCORE)
            .weight(1).weightFrom(23, 2).args("NodeAffinityArgs").scoreNodeLocal()
            .build((nodes, config) -> new NodeAffinity(nodes));
    static final String REASON = "node(s) didn't match Pod's node affinity/selector";

    private final SchedulerCache nodes;

    public NodeAffinity(SchedulerCache nodes) {
        this.nodes = nodes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String preFilter(CompiledPod pod) {
        return pod.nodeSelector == null && pod.requiredNodeAffinity == null ? SKIP : null;
    }

    @Override
    public Set<String> preFilterNodeNames(CompiledPod pod) {
        return pod.requiredNodeAffinity == null ? null : pod.requiredNodeAffinity.pinnedNames();
    }

    @Override
    public String filter(CompiledPod pod, int node) {
        return matchesRequired(pod, nodes, node) ? null : REASON;
    }

    /** nodeSelector AND required node affinity, as the DaemonSet controller also checks them. */
    public static boolean matchesRequired(CompiledPod pod, SchedulerCache nodes, int node) {
        if (pod.nodeSelector != null && !pod.nodeSelector.matches(nodes, node)) {
            return false;
        }
        return pod.requiredNodeAffinity == null || pod.requiredNodeAffinity.matches(nodes, node);
    }

    @Override
    public boolean preScore(CompiledPod pod, int[] feasible, int count) {
        return pod.preferredTerms.length > 0;
    }

    @Override
    public long score(CompiledPod pod, int node) {
        long sum = 0;
        for (int t = 0; t < pod.preferredTerms.length; t++) {
            if (pod.preferredTerms[t].matches(nodes, node)) {
                sum += pod.preferredWeights[t];
            }
        }
        return sum;
    }

    @Override
    public void normalize(int[] feasible, long[] scores, int count) {
        Normalize.defaultNormalize(scores, count, false);
    }
}
