package io.nodesim.autoscaler;

import java.util.ArrayList;
import java.util.List;

/** {@code expander/leastnodes/leastnodes.go}: the options that add the fewest nodes. */
final class LeastNodesExpander implements Expander {
    @Override
    public String name() {
        return "least-nodes";
    }

    @Override
    public List<ExpansionOption> bestOptions(List<ExpansionOption> options) {
        int least = options.stream().mapToInt(ExpansionOption::nodeCount).min().orElse(0);
        return new ArrayList<>(options.stream().filter(o -> o.nodeCount() == least).toList());
    }
}
