package io.nodesim.tainteviction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.admission.PodAdmission;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.WorkloadInfo;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.ApiServerConfig;
import io.nodesim.scenario.WorkloadSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** getMinTolerationTime over the admitted pod (DefaultTolerationSeconds, DaemonSet tolerations). */
class TolerationCompilerTest {
    private static WorkloadInfo compile(String kind, Toleration... tolerations) {
        var t = new PodTemplateSpecBuilder().withNewSpec().withTolerations(List.of(tolerations)).endSpec().build();
        return TolerationCompiler.compile(PodAdmission.admit(new WorkloadSpec(kind, "w", null, 1, Map.of(), t, null),
                new ApiServerConfig(300, 200)), 1);
    }

    @Test
    void admissionAddsDefaultSeconds_perFlag() {
        WorkloadInfo w = compile("Deployment");
        assertEquals(SimTime.seconds(300), w.notReadyToleration());
        assertEquals(SimTime.seconds(200), w.unreachableToleration());
        assertEquals(WorkloadInfo.NOT_TOLERATED, w.outOfServiceToleration());
    }

    @Test
    void daemonSetPods_tolerateForever() {
        WorkloadInfo w = compile("DaemonSet");
        assertEquals(WorkloadInfo.FOREVER, w.unreachableToleration());
        assertEquals(WorkloadInfo.FOREVER, w.notReadyToleration());
    }

    @Test
    void ownTolerationWins_overTheDefault() {
        WorkloadInfo w = compile("Deployment", new Toleration("NoExecute", ControllerTaints.UNREACHABLE_KEY, "Exists", 30L, null));
        assertEquals(SimTime.seconds(30), w.unreachableToleration());
        assertEquals(SimTime.seconds(300), w.notReadyToleration());
    }

    @Test
    void emptyKeyExists_matchesEveryTaint_andSuppressesTheDefaults() {
        WorkloadInfo w = compile("Deployment", new Toleration(null, null, "Exists", null, null));
        assertEquals(WorkloadInfo.FOREVER, w.unreachableToleration());
        assertEquals(WorkloadInfo.FOREVER, w.outOfServiceToleration());
    }

    @Test
    void noScheduleToleration_doesNotMatchNoExecute() {
        WorkloadInfo w = compile("Deployment", new Toleration("NoSchedule", ControllerTaints.UNREACHABLE_KEY, "Exists", null, null));
        assertEquals(SimTime.seconds(200), w.unreachableToleration());
    }

    @Test
    void negativeSeconds_meanAtOnce() {
        WorkloadInfo w = compile("Deployment", new Toleration("NoExecute", ControllerTaints.UNREACHABLE_KEY, "Exists", -5L, null));
        assertEquals(0, w.unreachableToleration());
    }

    /**
     * getMatchingTolerations (taint_eviction.go) keeps, per taint, the first toleration of the list
     * that tolerates it; getMinTolerationTime then reads only those (TestGetMinTolerationTime:
     * [nil, 1 s] → 1 s is a minimum over taints, never over the tolerations of one taint).
     */
    @Test
    void firstMatchingToleration_perTaint_laterOnesIgnored() {
        WorkloadInfo w = compile("Deployment",
                new Toleration("NoExecute", ControllerTaints.UNREACHABLE_KEY, "Exists", null, null),
                new Toleration("NoExecute", ControllerTaints.UNREACHABLE_KEY, "Exists", 60L, null),
                new Toleration(null, null, "Exists", 100L, null),
                new Toleration(null, null, "Exists", 20L, null));
        assertEquals(WorkloadInfo.FOREVER, w.unreachableToleration());
        assertEquals(SimTime.seconds(100), w.notReadyToleration());
        assertEquals(SimTime.seconds(100), w.outOfServiceToleration());
    }
}
