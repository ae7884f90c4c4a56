package io.nodesim.scheduler.plugins;

import static io.nodesim.scheduler.plugins.ExtensionPoint.FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.NORMALIZE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.SCORE;
import static io.nodesim.scheduler.plugins.PluginDescriptor.plugin;

import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.NodeSelectorTerms;
import io.nodesim.scheduler.SchedulerCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Filter: the profile's {@code NodeAffinityArgs.addedAffinity} required terms first ("scheduler-enforced"),
 * then the pod's nodeSelector and required node affinity (terms ORed, expressions ANDed); a
 * required term of the pod pinning {@code metadata.name} narrows the nodes PreFilter hands to filtering.
 * Score: the sum of the weights of the preferred terms (the added ones and the pod's) a node matches,
 * normalised by the maximum (kubernetes .../plugins/nodeaffinity/node_affinity.go).
 */
public final class NodeAffinity implements FilterPlugin, ScorePlugin {
    public static final String NAME = "NodeAffinity";
    public static final PluginDescriptor DESCRIPTOR = plugin(NAME, PRE_FILTER, FILTER, PRE_SCORE, SCORE, NORMALIZE_SCORE)
            .weight(1).weightFrom(23, 2).args("NodeAffinityArgs").scoreNodeLocal()
            .build((nodes, config) -> new NodeAffinity(nodes, config.addedAffinity()));
    static final String REASON = "node(s) didn't match Pod's node affinity/selector";
    static final String REASON_ENFORCED = "node(s) didn't match scheduler-enforced node affinity";

    private final SchedulerCache nodes;
    /** addedAffinity's required terms, or null. */
    private final NodeSelectorTerms addedRequired;
    private final NodeSelectorTerms[] addedPreferred;
    private final int[] addedPreferredWeights;

    public NodeAffinity(SchedulerCache nodes) {
        this(nodes, null);
    }

    /** @param addedAffinity NodeAffinityArgs.addedAffinity (validated by the configuration loader), or null */
    public NodeAffinity(SchedulerCache nodes, io.fabric8.kubernetes.api.model.NodeAffinity addedAffinity) {
        this.nodes = nodes;
        List<NodeSelectorTerms> preferred = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        NodeSelectorTerms required = null;
        if (addedAffinity != null) {
            if (addedAffinity.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
                List<NodeSelectorTerm> terms = addedAffinity.getRequiredDuringSchedulingIgnoredDuringExecution()
                        .getNodeSelectorTerms();
                required = NodeSelectorTerms.of(terms == null ? List.of() : terms, nodes.symbols());
            }
            if (addedAffinity.getPreferredDuringSchedulingIgnoredDuringExecution() != null) {
                for (PreferredSchedulingTerm t : addedAffinity.getPreferredDuringSchedulingIgnoredDuringExecution()) {
                    if (t.getWeight() != null && t.getWeight() != 0 && t.getPreference() != null) {
                        preferred.add(NodeSelectorTerms.of(List.of(t.getPreference()), nodes.symbols()));
                        weights.add(t.getWeight());
                    }
                }
            }
        }
        this.addedRequired = required;
        this.addedPreferred = preferred.toArray(new NodeSelectorTerms[0]);
        this.addedPreferredWeights = weights.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String preFilter(CompiledPod pod) {
        return pod.nodeSelector == null && pod.requiredNodeAffinity == null && addedRequired == null ? SKIP : null;
    }

    @Override
    public Set<String> preFilterNodeNames(CompiledPod pod) {
        return pod.requiredNodeAffinity == null ? null : pod.requiredNodeAffinity.pinnedNames();
    }

    @Override
    public String filter(CompiledPod pod, int node) {
        if (addedRequired != null && !addedRequired.matches(nodes, node)) {
            return REASON_ENFORCED;
        }
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
        return pod.preferredTerms.length > 0 || addedPreferred.length > 0;
    }

    @Override
    public long score(CompiledPod pod, int node) {
        long sum = 0;
        for (int t = 0; t < addedPreferred.length; t++) {
            if (addedPreferred[t].matches(nodes, node)) {
                sum += addedPreferredWeights[t];
            }
        }
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
