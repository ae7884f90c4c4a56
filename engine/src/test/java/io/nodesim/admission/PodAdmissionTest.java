package io.nodesim.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.scenario.ApiServerConfig;
import io.nodesim.scenario.WorkloadSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodAdmissionTest {
    private static final ApiServerConfig API = new ApiServerConfig(300, 200);
    private static final String NOT_READY = "node.kubernetes.io/not-ready";
    private static final String UNREACHABLE = "node.kubernetes.io/unreachable";

    private static WorkloadSpec workload(String kind, boolean hostNetwork, Toleration... tolerations) {
        var t = new PodTemplateSpecBuilder().withNewSpec().withHostNetwork(hostNetwork)
                .withTolerations(List.of(tolerations)).endSpec().build();
        return new WorkloadSpec(kind, "w", null, 1, Map.of(), t, null);
    }

    private static List<Toleration> admitted(WorkloadSpec w) {
        return PodAdmission.admit(w, API).template().getSpec().getTolerations();
    }

    @Test
    void podWithoutTolerations_getsBothDefaults_withTheFlagSeconds() {
        assertEquals(List.of(new Toleration("NoExecute", NOT_READY, "Exists", 300L, null),
                new Toleration("NoExecute", UNREACHABLE, "Exists", 200L, null)), admitted(workload("Deployment", false)));
    }

    /** admission.go tests the key (or an empty key) and the effect (or none); the operator does not matter. */
    @Test
    void emptyKey_withAnyOperator_counts_asDoesAnEffectlessToleration() {
        Toleration emptyKeyEqual = new Toleration(null, null, "Equal", null, null);
        assertEquals(List.of(emptyKeyEqual), admitted(workload("Pod", false, emptyKeyEqual)));
        Toleration anyEffect = new Toleration(null, NOT_READY, "Exists", 60L, null);
        assertEquals(List.of(anyEffect, new Toleration("NoExecute", UNREACHABLE, "Exists", 200L, null)),
                admitted(workload("Pod", false, anyEffect)));
        Toleration noSchedule = new Toleration("NoSchedule", NOT_READY, "Exists", null, null);
        assertEquals(3, admitted(workload("Pod", false, noSchedule)).size());
    }

    @Test
    void daemonSetPods_getTheControllersTolerations_replacingTheSameOneWithSeconds() {
        Toleration own = new Toleration("NoExecute", NOT_READY, "Exists", 60L, null);
        List<Toleration> t = admitted(workload("DaemonSet", true, own));
        assertEquals(new Toleration("NoExecute", NOT_READY, "Exists", null, null), t.get(0));
        assertEquals(List.of(NOT_READY, UNREACHABLE, "node.kubernetes.io/disk-pressure",
                "node.kubernetes.io/memory-pressure", "node.kubernetes.io/pid-pressure",
                "node.kubernetes.io/unschedulable", "node.kubernetes.io/network-unavailable"),
                t.stream().map(Toleration::getKey).toList());
        assertEquals(6, admitted(workload("DaemonSet", false)).size());
    }

    @Test
    void admittingTwice_changesNothing() {
        WorkloadSpec once = PodAdmission.admit(workload("DaemonSet", false), API);
        assertSame(once, PodAdmission.admit(once, API));
        WorkloadSpec pod = PodAdmission.admit(workload("Pod", false), API);
        assertSame(pod, PodAdmission.admit(pod, API));
    }
}
