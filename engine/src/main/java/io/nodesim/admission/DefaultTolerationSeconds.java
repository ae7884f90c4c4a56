package io.nodesim.admission;

import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.scenario.ApiServerConfig;
import java.util.List;

/**
 * The DefaultTolerationSeconds admission plugin ({@code plugin/pkg/admission/defaulttolerationseconds/admission.go}):
 * a pod with no toleration for the not-ready (unreachable) NoExecute taint gets
 * {@code {key, Exists, NoExecute, tolerationSeconds: --default-not-ready(unreachable)-toleration-seconds}}.
 * A toleration counts when its key is that key or empty (whatever its operator) and its effect is
 * NoExecute or empty.
 */
public final class DefaultTolerationSeconds {
    private DefaultTolerationSeconds() {
    }

    public static List<Toleration> admit(List<Toleration> tolerations, ApiServerConfig apiServer) {
        List<Toleration> out = tolerations;
        if (!tolerates(tolerations, ControllerTaints.NOT_READY_KEY)) {
            out = Tolerations.addOrUpdate(out, notReady(apiServer));
        }
        if (!tolerates(tolerations, ControllerTaints.UNREACHABLE_KEY)) {
            out = Tolerations.addOrUpdate(out, unreachable(apiServer));
        }
        return out;
    }

    /** Whether the toleration is one this plugin adds (written or not, the pod tolerates the same). */
    public static boolean added(Toleration t, ApiServerConfig apiServer) {
        return t.equals(notReady(apiServer)) || t.equals(unreachable(apiServer));
    }

    private static Toleration notReady(ApiServerConfig apiServer) {
        return new Toleration("NoExecute", ControllerTaints.NOT_READY_KEY, "Exists",
                apiServer.defaultNotReadyTolerationSeconds(), null);
    }

    private static Toleration unreachable(ApiServerConfig apiServer) {
        return new Toleration("NoExecute", ControllerTaints.UNREACHABLE_KEY, "Exists",
                apiServer.defaultUnreachableTolerationSeconds(), null);
    }

    static boolean tolerates(List<Toleration> tolerations, String key) {
        for (Toleration t : tolerations) {
            String k = Tolerations.text(t.getKey());
            String e = Tolerations.text(t.getEffect());
            if ((k.equals(key) || k.isEmpty()) && (e.equals("NoExecute") || e.isEmpty())) {
                return true;
            }
        }
        return false;
    }
}
