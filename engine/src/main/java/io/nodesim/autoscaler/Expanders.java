package io.nodesim.autoscaler;

import io.nodesim.scenario.ClusterAutoscalerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The {@code expander} flag's chain ({@code expander/factory/expander_factory.go},
 * {@code chain.go}): every named filter in turn narrows the options; the random strategy picks among
 * what is left. {@code random} itself narrows nothing. Each expander is registered here by name.
 */
final class Expanders {
    private static final Map<String, Function<ClusterAutoscalerConfig, Expander>> REGISTRY = Map.of(
            "random", c -> null,
            "most-pods", c -> new MostPodsExpander(),
            "least-waste", c -> new LeastWasteExpander(),
            "least-nodes", c -> new LeastNodesExpander(),
            "priority", c -> new PriorityExpander(c.priorities()));

    private final List<Expander> chain = new ArrayList<>();
    private final RandomGenerator rng;

    Expanders(ClusterAutoscalerConfig config, RandomGenerator rng) {
        this.rng = rng;
        for (String name : config.expanders()) {
            Expander e = REGISTRY.get(name).apply(config);
            if (e != null) {
                chain.add(e);
            }
        }
    }

    /** The chosen option, or null when a filter left none. */
    ExpansionOption choose(List<ExpansionOption> options) {
        List<ExpansionOption> left = options;
        for (Expander e : chain) {
            left = e.bestOptions(left);
            if (left.size() <= 1) {
                break;
            }
        }
        if (left.isEmpty()) {
            return null;
        }
        return left.size() == 1 ? left.get(0) : left.get(rng.nextInt(left.size()));
    }
}
