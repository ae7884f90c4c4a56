package io.nodesim.autoscaler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code expander/priority/priority.go}: the options whose node group name matches a regular
 * expression of the highest priority (the {@code priorities} of the
 * {@code cluster-autoscaler-priority-expander} ConfigMap); a group no expression matches is not an
 * option. The expressions must match the whole name, as upstream anchors them.
 */
final class PriorityExpander implements Expander {
    private final Map<Integer, List<Pattern>> priorities;

    PriorityExpander(Map<Integer, List<String>> priorities) {
        this.priorities = priorities.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(Pattern::compile).toList()));
    }

    @Override
    public String name() {
        return "priority";
    }

    /** The highest priority whose expressions match the group, or null. */
    Integer priorityOf(String group) {
        Integer best = null;
        for (Map.Entry<Integer, List<Pattern>> e : priorities.entrySet()) {
            boolean matches = e.getValue().stream().anyMatch(p -> p.matcher(group).matches());
            if (matches && (best == null || e.getKey() > best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    @Override
    public List<ExpansionOption> bestOptions(List<ExpansionOption> options) {
        List<ExpansionOption> best = new ArrayList<>();
        Integer highest = null;
        for (ExpansionOption o : options) {
            Integer p = priorityOf(o.groupName());
            if (p == null) {
                continue;
            }
            if (highest == null || p > highest) {
                highest = p;
                best.clear();
                best.add(o);
            } else if (p.equals(highest)) {
                best.add(o);
            }
        }
        return best;
    }
}
