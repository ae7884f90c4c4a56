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
 * tolerationSeconds of the first matching toleration in the pod's list (≤ 0 means at once), as
 * {@code getMatchingTolerations} in {@code pkg/controller/tainteviction/taint_eviction.go}.
 *
 * <p>The template is the admitted one ({@link io.nodesim.admission.PodAdmission}): it already holds
 * what the DaemonSet controller and DefaultTolerationSeconds add.
 */
public final class TolerationCompiler {
    private TolerationCompiler() {
    }

    public static WorkloadInfo compile(WorkloadSpec w, int desired) {
        List<Toleration> tolerations = tolerations(w);
        return new WorkloadInfo(w.displayName(), w.kind(), desired,
                minToleration(tolerations, ControllerTaints.UNREACHABLE_KEY),
                minToleration(tolerations, ControllerTaints.NOT_READY_KEY),
                minToleration(tolerations, ControllerTaints.OUT_OF_SERVICE_KEY));
    }

    /**
     * The toleration time of one taint: upstream {@code getMatchingTolerations} keeps only the
     * <em>first</em> toleration in the pod's list that tolerates the taint (later ones, bounded or
     * not, are never looked at); its seconds, ≤ 0 as at once, none as forever. The minimum over
     * the node's taints ({@code getMinTolerationTime}) is the controller's.
     */
    static long minToleration(List<Toleration> tolerations, String taintKey) {
        return firstMatch(tolerations, taintKey, "");
    }

    /** The admitted template's tolerations. */
    static List<Toleration> tolerations(WorkloadSpec w) {
        return w.template().getSpec() == null || w.template().getSpec().getTolerations() == null
                ? List.of() : w.template().getSpec().getTolerations();
    }

    /** {@link #minToleration} for the NoExecute taint {@code key=value}. */
    static long firstMatch(List<Toleration> tolerations, String taintKey, String taintValue) {
        for (Toleration t : tolerations) {
            if (toleratesTaint(t, taintKey, taintValue)) {
                return t.getTolerationSeconds() == null ? WorkloadInfo.FOREVER
                        : Math.max(0L, t.getTolerationSeconds()) * SimTime.SECOND;
            }
        }
        return WorkloadInfo.NOT_TOLERATED;
    }

    /** {@code Toleration.ToleratesTaint} (k8s.io/api/core/v1/toleration.go) for a NoExecute taint. */
    static boolean toleratesTaint(Toleration t, String taintKey, String taintValue) {
        if (t.getEffect() != null && !t.getEffect().isEmpty() && !"NoExecute".equals(t.getEffect())) {
            return false;
        }
        if (t.getKey() != null && !t.getKey().isEmpty() && !taintKey.equals(t.getKey())) {
            return false;
        }
        String op = t.getOperator() == null || t.getOperator().isEmpty() ? "Equal" : t.getOperator();
        return switch (op) {
            case "Exists" -> true;
            case "Equal" -> taintValue.equals(t.getValue() == null ? "" : t.getValue());
            default -> false;
        };
    }
}
