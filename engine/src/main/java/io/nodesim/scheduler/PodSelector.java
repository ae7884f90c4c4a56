package io.nodesim.scheduler;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled {@code metav1.LabelSelector} over pod labels (apimachinery's
 * {@code LabelSelectorAsSelector}): matchLabels and matchExpressions ANDed; an empty selector
 * matches every pod, an absent one none.
 */
public final class PodSelector {
    public static final PodSelector NOTHING = new PodSelector(List.of(), false);
    public static final PodSelector EVERYTHING = new PodSelector(List.of(), true);

    private record Requirement(String key, String op, Set<String> values) {
        boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return switch (op) {
                case "In" -> v != null && values.contains(v);
                case "NotIn" -> v == null || !values.contains(v);
                case "Exists" -> v != null;
                case "DoesNotExist" -> v == null;
                default -> throw new IllegalStateException(op);
            };
        }
    }

    private final List<Requirement> requirements;
    private final boolean matchesAnything;

    private PodSelector(List<Requirement> requirements, boolean matchesAnything) {
        this.requirements = requirements;
        this.matchesAnything = matchesAnything;
    }

    public static PodSelector of(LabelSelector selector) {
        if (selector == null) {
            return NOTHING;
        }
        List<Requirement> reqs = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((k, v) -> reqs.add(new Requirement(k, "In", Set.of(v))));
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String op = r.getOperator();
                if (!Set.of("In", "NotIn", "Exists", "DoesNotExist").contains(op)) {
                    throw new IllegalArgumentException("label selector operator \"" + op
                            + "\" is not one of In, NotIn, Exists, DoesNotExist");
                }
                reqs.add(new Requirement(r.getKey(), op, r.getValues() == null ? Set.of() : Set.copyOf(r.getValues())));
            }
        }
        return new PodSelector(List.copyOf(reqs), true);
    }

    /** A selector from a workload's {@code matchLabels} map. */
    public static PodSelector ofLabels(Map<String, String> matchLabels) {
        List<Requirement> reqs = new ArrayList<>();
        matchLabels.forEach((k, v) -> reqs.add(new Requirement(k, "In", Set.of(v))));
        return new PodSelector(List.copyOf(reqs), true);
    }

    public boolean matches(Map<String, String> labels) {
        if (!matchesAnything) {
            return false;
        }
        for (int i = 0; i < requirements.size(); i++) {
            if (!requirements.get(i).matches(labels)) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return matchesAnything && requirements.isEmpty();
    }

    /** Equal selectors select the same pods (the pods matching them are counted once). */
    @Override
    public boolean equals(Object o) {
        return o instanceof PodSelector s && matchesAnything == s.matchesAnything && requirements.equals(s.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode() * 31 + Boolean.hashCode(matchesAnything);
    }
}
