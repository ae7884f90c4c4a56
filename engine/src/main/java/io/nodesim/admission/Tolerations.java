package io.nodesim.admission;

import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code pkg/apis/core/v1/helper} {@code AddOrUpdateTolerationInPodSpec} and {@code Toleration.MatchToleration}. */
final class Tolerations {
    private Tolerations() {
    }

    /**
     * Replaces the toleration with the same key, operator, value and effect (its tolerationSeconds
     * may differ), else appends it.
     */
    static List<Toleration> addOrUpdate(List<Toleration> tolerations, Toleration t) {
        List<Toleration> out = new ArrayList<>(tolerations.size() + 1);
        boolean updated = false;
        for (Toleration existing : tolerations) {
            if (matches(t, existing)) {
                out.add(t);
                updated = true;
            } else {
                out.add(existing);
            }
        }
        if (!updated) {
            out.add(t);
        }
        return out;
    }

    private static boolean matches(Toleration a, Toleration b) {
        return text(a.getKey()).equals(text(b.getKey())) && text(a.getOperator()).equals(text(b.getOperator()))
                && text(a.getValue()).equals(text(b.getValue())) && text(a.getEffect()).equals(text(b.getEffect()));
    }

    static String text(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
