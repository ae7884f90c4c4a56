package io.nodesim.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code policy/v1 PodDisruptionBudget} of {@code spec.workloads}: what the disruption
 * controller and the Eviction API read of it.
 *
 * @param minAvailable null when the budget gives maxUnavailable (the API server refuses both)
 * @param maxUnavailable null when the budget gives minAvailable; both null is valid and then no
 *     eviction is ever allowed (expectedPods 0: {@code updatePdbStatus} keeps disruptionsAllowed at 0)
 * @param selector {@code spec.selector.matchLabels}, never empty
 * @param alwaysAllowUnhealthy {@code unhealthyPodEvictionPolicy: AlwaysAllow} (false: IfHealthyBudget, the default)
 */
public record DisruptionBudgetSpec(String name, String namespace, IntOrPercent minAvailable, IntOrPercent maxUnavailable,
        Map<String, String> selector, boolean alwaysAllowUnhealthy) {

    /** An {@code intstr.IntOrString} of a budget: an integer, or a percentage of the expected pods. */
    public record IntOrPercent(int value, boolean percent) {
        public IntOrPercent {
            if (value < 0 || percent && value > 100) {
                throw new IllegalArgumentException("expected 0..100% or an integer >= 0, got " + value);
            }
        }

        /**
         * The value against {@code total}: a percentage is rounded up, as the disruption controller
         * calls {@code intstr.GetScaledValueFromIntOrPercent(v, total, true)} for both fields.
         */
        public int scaled(int total) {
            return percent ? (int) ((value * (long) total + 99) / 100) : value;
        }

        @Override
        public String toString() {
            return percent ? value + "%" : Integer.toString(value);
        }
    }

    public DisruptionBudgetSpec {
        Objects.requireNonNull(name, "name");
        namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
        selector = Map.copyOf(selector);
        if (selector.isEmpty()) {
            throw new IllegalArgumentException("a budget needs a selector");
        }
        if (minAvailable != null && maxUnavailable != null) {
            throw new IllegalArgumentException("minAvailable and maxUnavailable cannot be both set");
        }
    }

    /** The budget's name in outputs: {@code NAMESPACE/NAME}, or NAME in {@code default}. */
    public String displayName() {
        return "default".equals(namespace) ? name : namespace + "/" + name;
    }
}
