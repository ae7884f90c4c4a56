package io.nodesim.tainteviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.admission.PodAdmission;
import io.nodesim.cluster.Topology;
import io.nodesim.cluster.WorkloadInfo;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.ApiServerConfig;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.WorkloadSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only the NoExecute taints of nodes[].taints count, matched by key and value (v1 ToleratesTaint). */
class ScenarioNoExecuteTaintsTest {
    private static NodeGroup node(String name, Taint... taints) {
        return new NodeGroup(name, false, 1, List.of("a"),
                new NodeBuilder().withNewSpec().withTaints(List.of(taints)).endSpec().build());
    }

    private static WorkloadSpec workload(String kind, Toleration... tolerations) {
        var t = new PodTemplateSpecBuilder().withNewSpec().withTolerations(List.of(tolerations)).endSpec().build();
        return PodAdmission.admit(new WorkloadSpec(kind, "w", null, 1, Map.of(), t, null), new ApiServerConfig(300, 300));
    }

    private final Topology topology = Topology.of(List.of(
            node("plain"),
            node("soft", new Taint("PreferNoSchedule", "dedicated", null, "db"), new Taint("NoSchedule", "x", null, "")),
            node("db", new Taint("NoExecute", "dedicated", null, "db")),
            node("db2", new Taint("NoExecute", "dedicated", null, "db"), new Taint("NoExecute", "maintenance", null, null))));

    @Test
    void onlyNoExecuteTaintsCount() {
        var taints = new ScenarioNoExecuteTaints(topology, List.of(workload("Deployment")));
        assertFalse(taints.tainted(0));
        assertFalse(taints.tainted(1));
        assertTrue(taints.tainted(2));
        assertEquals(WorkloadInfo.FOREVER, taints.toleration(0, 0), "a node without taints evicts nothing");
    }

    /** The DaemonSet controller's and DefaultTolerationSeconds' tolerations name node.kubernetes.io keys only. */
    @Test
    void admissionTolerations_doNotCoverAUserTaint() {
        var taints = new ScenarioNoExecuteTaints(topology, List.of(workload("DaemonSet"), workload("Deployment")));
        assertEquals(WorkloadInfo.NOT_TOLERATED, taints.toleration(0, 2));
        assertEquals(WorkloadInfo.NOT_TOLERATED, taints.toleration(1, 2));
    }

    /** Equal compares the value; the minimum is over the node's taints, each by its first match. */
    @Test
    void valueAndMinimumOverTaints() {
        var taints = new ScenarioNoExecuteTaints(topology, List.of(
                workload("Deployment", new Toleration("NoExecute", "dedicated", "Equal", 30L, "web")),
                workload("Deployment", new Toleration("NoExecute", "dedicated", "Equal", 30L, "db"),
                        new Toleration(null, "maintenance", "Exists", null, null))));
        assertEquals(WorkloadInfo.NOT_TOLERATED, taints.toleration(0, 2));
        assertEquals(SimTime.seconds(30), taints.toleration(1, 2));
        assertEquals(SimTime.seconds(30), taints.toleration(1, 3));
    }
}
