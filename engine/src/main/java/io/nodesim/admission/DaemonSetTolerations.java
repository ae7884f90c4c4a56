package io.nodesim.admission;

import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.scheduler.TaintEffects;
import java.util.List;

/**
 * The tolerations the DaemonSet controller gives every pod it creates
 * ({@code pkg/controller/daemon/util/daemonset_util.go} {@code AddOrUpdateDaemonPodTolerations}): unbounded
 * not-ready and unreachable NoExecute, and NoSchedule for the disk-, memory- and PID-pressure and
 * unschedulable taints, plus network-unavailable for a host-network pod. Each replaces a toleration
 * with the same key, operator, value and effect, so a template's own tolerationSeconds for them is dropped.
 */
public final class DaemonSetTolerations {
    private static final List<String> NO_EXECUTE = List.of(ControllerTaints.NOT_READY_KEY,
            ControllerTaints.UNREACHABLE_KEY);
    private static final List<String> NO_SCHEDULE = List.of("node.kubernetes.io/disk-pressure",
            "node.kubernetes.io/memory-pressure", "node.kubernetes.io/pid-pressure",
            TaintEffects.UNSCHEDULABLE_KEY);
    private static final String NETWORK_UNAVAILABLE = "node.kubernetes.io/network-unavailable";

    private DaemonSetTolerations() {
    }

    public static List<Toleration> add(List<Toleration> tolerations, boolean hostNetwork) {
        List<Toleration> out = tolerations;
        for (String key : NO_EXECUTE) {
            out = Tolerations.addOrUpdate(out, new Toleration("NoExecute", key, "Exists", null, null));
        }
        for (String key : NO_SCHEDULE) {
            out = Tolerations.addOrUpdate(out, new Toleration("NoSchedule", key, "Exists", null, null));
        }
        if (hostNetwork) {
            out = Tolerations.addOrUpdate(out, new Toleration("NoSchedule", NETWORK_UNAVAILABLE, "Exists", null, null));
        }
        return out;
    }
}
