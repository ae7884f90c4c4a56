package io.nodesim.autoscaler;

import java.util.ArrayList;
import java.util.List;

/** {@code expander/mostpods/mostpods.go}: the options that schedule the most pending pods. */
final class MostPodsExpander implements Expander {
    @Override
    public String name() {
        return "most-pods";
    }

    @Override
    public List<ExpansionOption> bestOptions(List<ExpansionOption> options) {
        int most = options.stream().mapToInt(ExpansionOption::pods).max().orElse(0);
        return new ArrayList<>(options.stream().filter(o -> o.pods() == most).toList());
    }
}
