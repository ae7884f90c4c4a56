package io.nodesim.tainteviction;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.WorkloadInfo;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.ApiServerConfig;
import io.nodesim.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a pod template's tolerations, once per workload, into one number per NoExecute taint
 * the controllers set: {@link WorkloadInfo#NOT_TOLERATED}, {@link WorkloadInfo#FOREVER}, or the
 * minimum tolerationSeconds over the matching tolerations (upstream {@code getMinTolerationTime}
 * ignores unbounded ones when a bounded one also matches; ≤ 0 means at once).
 *
 * <p>Before that, what admission and the DaemonSet controller add: the DefaultTolerationSeconds
 * plugin ({@code plugin/pkg/admission/defaulttolerationseconds}) gives a pod without a
 * not-ready / unreachable NoExecute toleration one with the kube-apiserver's default seconds (300);
 * DaemonSet pods get both without tolerationSeconds ({@code pkg/controller/daemon/util}).
 */
public final class TolerationCompiler {
    private TolerationCompiler() {
    }

    public static WorkloadInfo compile(WorkloadSpec w, int desired, ApiServerConfig apiServer) {
        List<Toleration> tolerations = effectiveTolerations(w, apiServer);
        return new WorkloadInfo(w.displayName(), w.kind(), desired,
                minToleration(tolerations, ControllerTaints.UNREACHABLE_KEY),
                minToleration(tolerations, ControllerTaints.NOT_READY_KEY),
                minToleration(tolerations, ControllerTaints.OUT_OF_SERVICE_KEY));
    }

    static List<Toleration> effectiveTolerations(WorkloadSpec w, ApiServerConfig apiServer) {
        PodTemplateSpec template = w.template();
        List<Toleration> out = new ArrayList<>();
        if (template.getSpec() != null && template.getSpec().getTolerations() != null) {
            out.addAll(template.getSpec().getTolerations());
        }
        if ("DaemonSet".equals(w.kind())) {
            out.add(new Toleration("NoExecute", ControllerTaints.NOT_READY_KEY, "Exists", null, null));
            out.add(new Toleration("NoExecute", ControllerTaints.UNREACHABLE_KEY, "Exists", null, null));
        }
        if (!toleratesByKey(out, ControllerTaints.NOT_READY_KEY)) {
            out.add(new Toleration("NoExecute", ControllerTaints.NOT_READY_KEY, "Exists",
                    apiServer.defaultNotReadyTolerationSeconds(), null));
        }
        if (!toleratesByKey(out, ControllerTaints.UNREACHABLE_KEY)) {
            out.add(new Toleration("NoExecute", ControllerTaints.UNREACHABLE_KEY, "Exists",
                    apiServer.defaultUnreachableTolerationSeconds(), null));
        }
        return out;
    }

    /** The admission plugin's test: a toleration with that key (or no key), NoExecute (or no effect). */
    private static boolean toleratesByKey(List<Toleration> tolerations, String key) {
        for (Toleration t : tolerations) {
            boolean keyMatches = t.getKey() == null || t.getKey().isEmpty() || key.equals(t.getKey());
            boolean effectMatches = t.getEffect() == null || t.getEffect().isEmpty() || "NoExecute".equals(t.getEffect());
            if (keyMatches && effectMatches) {
                return true;
            }
        }
        return false;
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
