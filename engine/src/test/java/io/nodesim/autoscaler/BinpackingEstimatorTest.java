package io.nodesim.autoscaler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.autoscaler.BinpackingEstimator.Estimate;
import io.nodesim.autoscaler.BinpackingEstimator.PodGroup;
import io.nodesim.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases of cluster-autoscaler's {@code estimator/binpacking_estimator_test.go}
 * {@code TestBinpackingEstimate} that do not depend on the snapshot's existing nodes (a template node
 * of millicores / MiB / 10 pods, pods of an equivalence group), and a DaemonSet pod on the template
 * ({@code core/utils.GetNodeInfoFromTemplate} adds them).
 */
class BinpackingEstimatorTest {
    @TempDir
    Path dir;

    private Estimate estimate(String cpu, String memory, String workloads, List<PodGroup> pods, int limit) {
        Scenario s = AutoscalerScenarios.load(dir, """
                nodes:
                  - pool: template
                    count: 1
                    allocatable: {cpu: %s, memory: %s, pods: "10"}
                    autoscaling: {min: 0, max: 1000}
                workloads:
                %s""".formatted(cpu, memory, workloads.indent(2)));
        return BinpackingEstimator.estimate(new TemplateSnapshot(s), s.nodes().get(0), 1, pods, limit);
    }

    @Test
    void simpleResourceBasedBinpacking_needsFiveNodesForTenPods() {
        Estimate e = estimate("1000m", "2000Mi", AutoscalerScenarios.deployment("estimatee", 10, "350m", "1000Mi", 0),
                List.of(new PodGroup(0, 10)), 1000);
        assertEquals(5, e.nodes());
        assertEquals(10, e.pods());
    }

    @Test
    void podsPerNodeBound_twentySmallPodsNeedTwoNodesOfTenPods() {
        Estimate e = estimate("10000m", "20000Mi", AutoscalerScenarios.deployment("estimatee", 20, "10m", "100Mi", 0),
                List.of(new PodGroup(0, 20)), 1000);
        assertEquals(2, e.nodes());
        assertEquals(20, e.pods());
    }

    @Test
    void hostPortConflict_forcesOnePodPerNode() {
        Estimate e = estimate("1000m", "5000Mi", AutoscalerScenarios.deployment("estimatee", 8, "200m", "1000Mi", 5555),
                List.of(new PodGroup(0, 8)), 1000);
        assertEquals(8, e.nodes());
        assertEquals(8, e.pods());
    }

    @Test
    void limiterCutsBinpacking_atFiveNodes() {
        Estimate e = estimate("1000m", "5000Mi", AutoscalerScenarios.deployment("estimatee", 20, "500m", "1000Mi", 0),
                List.of(new PodGroup(0, 20)), 5);
        assertEquals(5, e.nodes());
        assertEquals(10, e.pods());
    }

    @Test
    void decreasingOrderedPods_areProcessedFirst() {
        String workloads = AutoscalerScenarios.deployment("small", 10, "50m", "1000Mi", 0)
                + AutoscalerScenarios.deployment("large", 10, "500m", "1000Mi", 0);
        Estimate e = estimate("1000m", "5000Mi", workloads, List.of(new PodGroup(0, 10), new PodGroup(1, 10)), 5);
        assertEquals(5, e.nodes());
        assertEquals(10, e.pods());
        assertArrayEquals(new int[] {0, 10}, e.scheduledPods());
    }

    @Test
    void podThatFitsNoEmptyTemplate_addsNoNode() {
        Estimate e = estimate("1000m", "2000Mi", AutoscalerScenarios.deployment("huge", 3, "1500m", "100Mi", 0),
                List.of(new PodGroup(0, 3)), 1000);
        assertEquals(0, e.nodes());
        assertEquals(0, e.pods());
    }

    @Test
    void daemonSetPodsOnTheTemplate_takeTheirRoomFirst() {
        String daemonSet = """
                - apiVersion: apps/v1
                  kind: DaemonSet
                  metadata: {name: agent}
                  spec:
                    selector: {matchLabels: {app: agent}}
                    template:
                      metadata: {labels: {app: agent}}
                      spec:
                        containers: [{name: a, image: agent, resources: {requests: {cpu: 400m, memory: 10Mi}}}]
                """;
        // 1000m per node: 2 pods of 350m without the agent, 1 beside its 400m
        Estimate e = estimate("1000m", "5000Mi", AutoscalerScenarios.deployment("estimatee", 4, "350m", "100Mi", 0)
                + daemonSet, List.of(new PodGroup(0, 4)), 1000);
        assertEquals(4, e.nodes());
    }
}
