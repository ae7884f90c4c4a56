package io.nodesim.tainteviction;

import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.admission.DefaultTolerationSeconds;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.scenario.ApiServerConfig;
import io.nodesim.scenario.WorkloadSpec;
import java.util.List;

/**
 * For the event log ({@code TolerationChecked}): which toleration of a workload's admitted template
 * decides each node-controller NoExecute taint, and who wrote it: the manifest, the kube-apiserver's
 * DefaultTolerationSeconds admission plugin, or the DaemonSet controller. A written toleration equal
 * to the one the plugin would add is reported as the plugin's: the pod tolerates the same either way.
 * Built once per run, and only when events are recorded.
 */
public final class TolerationSources {
    private static final int[] BITS = {ControllerTaints.UNREACHABLE_NO_EXECUTE, ControllerTaints.NOT_READY_NO_EXECUTE,
        ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE};
    private static final String[] KEYS = {ControllerTaints.UNREACHABLE_KEY, ControllerTaints.NOT_READY_KEY,
        ControllerTaints.OUT_OF_SERVICE_KEY};
    /** [workload][taint]: the deciding toleration and its source, or null when none tolerates the taint. */
    private final String[][] text;

    public TolerationSources(List<WorkloadSpec> workloads, ApiServerConfig apiServer) {
        text = new String[workloads.size()][BITS.length];
        for (int w = 0; w < workloads.size(); w++) {
            WorkloadSpec spec = workloads.get(w);
            List<Toleration> tolerations = TolerationCompiler.tolerations(spec);
            for (int i = 0; i < BITS.length; i++) {
                for (Toleration t : tolerations) {
                    if (TolerationCompiler.toleratesTaint(t, KEYS[i], "")) {
                        text[w][i] = describe(t) + " (" + source(t, spec, apiServer, KEYS[i]) + ")";
                        break;
                    }
                }
            }
        }
    }

    /** The deciding toleration of one NoExecute taint bit, with its source; null when the taint is not tolerated. */
    public String of(int workload, int taintBit) {
        for (int i = 0; i < BITS.length; i++) {
            if (BITS[i] == taintBit) {
                return text[workload][i];
            }
        }
        throw new IllegalArgumentException("not a NoExecute taint bit: " + taintBit);
    }

    private static String describe(Toleration t) {
        String key = t.getKey() == null || t.getKey().isEmpty() ? "<any key>" : t.getKey();
        String seconds = t.getTolerationSeconds() == null ? "no tolerationSeconds"
                : "tolerationSeconds=" + t.getTolerationSeconds();
        return "toleration " + key + ":" + (t.getEffect() == null || t.getEffect().isEmpty() ? "<any effect>"
                : t.getEffect()) + " " + seconds;
    }

    private static String source(Toleration t, WorkloadSpec spec, ApiServerConfig apiServer, String key) {
        if ("DaemonSet".equals(spec.kind()) && t.getTolerationSeconds() == null && key.equals(t.getKey())
                && !ControllerTaints.OUT_OF_SERVICE_KEY.equals(key)) {
            return "DaemonSet controller";
        }
        if (DefaultTolerationSeconds.added(t, apiServer)) {
            return "kube-apiserver DefaultTolerationSeconds: --default-"
                    + (ControllerTaints.UNREACHABLE_KEY.equals(key) ? "unreachable" : "not-ready")
                    + "-toleration-seconds";
        }
        return "manifest";
    }
}
