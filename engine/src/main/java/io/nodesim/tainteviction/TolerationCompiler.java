package io.nodesim.tainteviction;

import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.WorkloadInfo;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.WorkloadSpec;
import java.util.List;

/**
 * Compiles a pod template's tolerations, once per workload, into one number per NoExecute taint
 * the controllers set: {@link WorkloadInfo#NOT_TOLERATED}, {@link WorkloadInfo#FOREVER}, or the
 * minimum tolerationSeconds over the matching tolerations (upstream {@code getMinTolerationTime}
 * ignores unbounded ones when a bounded one also matches; ≤ 0 means at once).
 *
 * <p>The template is the admitted one ({@link io.nodesim.admission.PodAdmission}): it already holds
 * what the DaemonSet controller and DefaultTolerationSeconds add.
 */
public final class TolerationCompiler {
    private TolerationCompiler() {
    }

    public static WorkloadInfo compile(WorkloadSpec w, int desired) {
        List<Toleration> tolerations = w.template().getSpec() == null || w.template().getSpec().getTolerations() == null
                ? List.of() : w.template().getSpec().getTolerations();
        return new WorkloadInfo(w.name(), w.kind(), desired,
                minToleration(tolerations, ControllerTaints.UNREACHABLE_KEY),
                minToleration(tolerations, ControllerTaints.NOT_READY_KEY),
                minToleration(tolerations, ControllerTaints.OUT_OF_SERVICE_KEY));
    }

    static long minToleration(List<Toleration> tolerations, String taintKey) {
        boolean matched = false;
        long min = Long.MAX_VALUE;
        for (Toleration t : tolerations) {
            if (!toleratesTaint(t, taintKey)) {
                continue;
            }
            matched = true;
            if (t.getTolerationSeconds() != null) {
                min = Math.min(min, Math.max(0L, t.getTolerationSeconds()) * SimTime.SECOND);
            }
        }
        if (!matched) {
            return WorkloadInfo.NOT_TOLERATED;
        }
        return min == Long.MAX_VALUE ? WorkloadInfo.FOREVER : min;
    }

    /** {@code Toleration.ToleratesTaint} for a valueless NoExecute taint with the given key. */
    static boolean toleratesTaint(Toleration t, String taintKey) {
        if (t.getEffect() != null && !t.getEffect().isEmpty() && !"NoExecute".equals(t.getEffect())) {
            return false;
        }
        String op = t.getOperator() == null || t.getOperator().isEmpty() ? "Equal" : t.getOperator();
        if (t.getKey() == null || t.getKey().isEmpty()) {
            return "Exists".equals(op);
        }
        if (!taintKey.equals(t.getKey())) {
            return false;
        }
        return "Exists".equals(op) || ("Equal".equals(op) && (t.getValue() == null || t.getValue().isEmpty()));
    }
}
