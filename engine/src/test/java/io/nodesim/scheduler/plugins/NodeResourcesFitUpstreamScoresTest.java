package io.nodesim.scheduler.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.TestCluster;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cases of kube-scheduler's own scoring tables (pkg/scheduler/framework/plugins/noderesources), with
 * upstream's nodes, pods and expected scores. Each one hinges on calculateResourceAllocatableRequest
 * keeping cpu and memory in the score when the pod requests zero of them (an explicit {@code "0"} or a
 * pod without containers): only scalar resources are skipped.
 */
class NodeResourcesFitUpstreamScoresTest {
    private static final List<ResourceSpec> DEFAULT = ResourceSpec.CPU_MEMORY;
    private static final List<ScoringStrategy.ShapePoint> LEAST_REQUESTED_SHAPE =
            List.of(new ScoringStrategy.ShapePoint(0, 10), new ScoringStrategy.ShapePoint(100, 0));

    private final TestCluster c = new TestCluster();

    /** st.MakeNode().Capacity(...): allocatable as written, 110 pods. */
    private int node(String name, String cpu, String memory) {
        return c.nodes.addNode(new NodeBuilder().withNewStatus().withAllocatable(Map.of("cpu", new Quantity(cpu),
                "memory", new Quantity(memory), "pods", new Quantity("110"))).endStatus().build(), name, "");
    }

    /** st.MakePod().Req(r1).Req(r2)...: one container per map; none at all for {@code pod()}. */
    @SafeVarargs
    private CompiledPod pod(Map<String, String>... containers) {
        PodSpecBuilder spec = new PodSpecBuilder();
        for (int i = 0; i < containers.length; i++) {
            Map<String, Quantity> req = new HashMap<>();
            containers[i].forEach((k, v) -> req.put(k, new Quantity(v)));
            spec.addToContainers(new ContainerBuilder().withName("c" + i).withImage("app:1")
                    .withNewResources().withRequests(req).endResources().build());
        }
        return c.compiler.compile("p", "default", new PodTemplateSpecBuilder().withNewMetadata().endMetadata()
                .withSpec(spec.build()).build(), null);
    }

    private void existing(int node, Map<String, String> requests) {
        c.nodes.pods().addPod(pod(requests), node);
    }

    private long[] scores(ScoringStrategy strategy, CompiledPod pod, int... nodes) {
        NodeResourcesFit fit = new NodeResourcesFit(c.nodes, strategy);
        fit.preFilter(pod);
        fit.preScore(pod, nodes, nodes.length);
        long[] out = new long[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            out[i] = fit.score(pod, nodes[i]);
        }
        return out;
    }

    private static ScoringStrategy least() {
        return new ScoringStrategy("LeastAllocated", DEFAULT, List.of());
    }

    // upstream: noderesources/least_allocated_test.go TestLeastAllocatedScoringStrategy
    //           "requested resources exceed node capacity"
    @Test
    void leastAllocated_memoryRequestOfZero_stillScoresMemory() {
        int n1 = node("node1", "4000", "10000");
        int n2 = node("node2", "4000", "10000");
        existing(n1, Map.of("cpu", "3000", "memory", "0"));
        existing(n2, Map.of("cpu", "3000", "memory", "5000"));
        assertArrayEquals(new long[] {50, 25}, scores(least(), pod(Map.of("cpu", "3000", "memory", "0")), n1, n2));
    }

    // upstream: noderesources/least_allocated_test.go TestLeastAllocatedScoringStrategy
    //           "no resources requested, pods scheduled with resources"
    @Test
    void leastAllocated_podWithoutContainers_isScoredOnTheNodesUse() {
        int n1 = node("node1", "10000", "20000");
        int n2 = node("node2", "10000", "20000");
        existing(n1, Map.of("cpu", "3000", "memory", "0"));
        existing(n1, Map.of("cpu", "3000", "memory", "0"));
        existing(n2, Map.of("cpu", "3000", "memory", "0"));
        existing(n2, Map.of("cpu", "3000", "memory", "5000"));
        assertArrayEquals(new long[] {70, 57}, scores(least(), pod(), n1, n2));
    }

    // upstream: noderesources/least_allocated_test.go TestLeastAllocatedScoringStrategy
    //           "nothing scheduled, nothing requested"
    @Test
    void leastAllocated_nothingScheduledNothingRequested_isMaxScore() {
        int n1 = node("node1", "4000", "10000");
        int n2 = node("node2", "4000", "10000");
        assertArrayEquals(new long[] {100, 100}, scores(least(), pod(), n1, n2));
    }

    // upstream: noderesources/least_allocated_test.go TestLeastAllocatedScoringStrategy
    //           "bypass extended resource if the pod does not request" (extendedResourceSet: cpu, memory,
    //           extendedRes "intel.com/foo", weight 1 each)
    @Test
    void leastAllocated_unrequestedExtendedResource_isStillBypassed() {
        int n1 = node("node1", "6000", "10000");
        int n2 = c.nodes.addNode(new NodeBuilder().withNewStatus().withAllocatable(Map.of("cpu", new Quantity("6000"),
                "memory", new Quantity("10000"), "intel.com/foo", new Quantity("4"), "pods", new Quantity("110")))
                .endStatus().build(), "node2", "");
        ScoringStrategy s = new ScoringStrategy("LeastAllocated", List.of(new ResourceSpec("cpu", 1),
                new ResourceSpec("memory", 1), new ResourceSpec("intel.com/foo", 1)), List.of());
        CompiledPod p = pod(Map.of("cpu", "1000", "memory", "2000"), Map.of("cpu", "2000", "memory", "3000"));
        assertArrayEquals(new long[] {50, 50}, scores(s, p, n1, n2));
    }

    // upstream: noderesources/most_allocated_test.go TestMostAllocatedScoringStrategy
    //           "no resources requested, pods scheduled with resources"
    @Test
    void mostAllocated_podWithoutContainers_countsMemoryAtZeroUse() {
        int n1 = node("node1", "10000", "20000");
        int n2 = node("node2", "10000", "20000");
        existing(n1, Map.of("cpu", "3000", "memory", "0"));
        existing(n1, Map.of("cpu", "3000", "memory", "0"));
        existing(n2, Map.of("cpu", "3000", "memory", "0"));
        existing(n2, Map.of("cpu", "3000", "memory", "5000"));
        ScoringStrategy most = new ScoringStrategy("MostAllocated", DEFAULT, List.of());
        assertArrayEquals(new long[] {30, 42}, scores(most, pod(), n1, n2));
    }

    // upstream: noderesources/most_allocated_test.go TestMostAllocatedScoringStrategy
    //           "resources requested, pods scheduled with resources"
    @Test
    void mostAllocated_existingPodWithZeroMemory() {
        int n1 = node("node1", "10000", "20000");
        int n2 = node("node2", "10000", "20000");
        existing(n1, Map.of("cpu", "3000", "memory", "0"));
        existing(n2, Map.of("cpu", "3000", "memory", "5000"));
        ScoringStrategy most = new ScoringStrategy("MostAllocated", DEFAULT, List.of());
        CompiledPod p = pod(Map.of("cpu", "1000", "memory", "2000"), Map.of("cpu", "2000", "memory", "3000"));
        assertArrayEquals(new long[] {42, 55}, scores(most, p, n1, n2));
    }

    // upstream: noderesources/requested_to_capacity_ratio_test.go TestRequestedToCapacityRatioScoringStrategy
    //           "nothing scheduled, nothing requested (default - least requested nodes have priority)"
    @Test
    void requestedToCapacityRatio_nothingRequested_scoresTheEmptyNodes() {
        int n1 = node("node1", "4000", "10000");
        int n2 = node("node2", "4000", "10000");
        c.nodes.pods().addPod(pod(), n1);
        c.nodes.pods().addPod(pod(), n1);
        ScoringStrategy ratio = new ScoringStrategy("RequestedToCapacityRatio", DEFAULT, LEAST_REQUESTED_SHAPE);
        assertArrayEquals(new long[] {100, 100}, scores(ratio, pod(), n1, n2));
    }

    // upstream: noderesources/requested_to_capacity_ratio_test.go TestRequestedToCapacityRatioScoringStrategy
    //           "no resources requested, pods scheduled with resources (default - least requested nodes have priority)"
    @Test
    void requestedToCapacityRatio_nothingRequested_scoresTheNodesUse() {
        int n1 = node("node1", "4000", "10000");
        int n2 = node("node2", "6000", "10000");
        existing(n1, Map.of("cpu", "3000", "memory", "5000"));
        existing(n2, Map.of("cpu", "3000", "memory", "5000"));
        ScoringStrategy ratio = new ScoringStrategy("RequestedToCapacityRatio", DEFAULT, LEAST_REQUESTED_SHAPE);
        assertArrayEquals(new long[] {38, 50}, scores(ratio, pod(), n1, n2));
    }

    /** v1helper.IsScalarResourceName, as resource_allocation.go applies it. */
    @Test
    void scalarResourceNames_areExtendedPrefixedHugepagesAndAttachableVolumes() {
        assertFalse(NodeResourcesFit.isScalar("cpu"));
        assertFalse(NodeResourcesFit.isScalar("memory"));
        assertFalse(NodeResourcesFit.isScalar("ephemeral-storage"));
        assertTrue(NodeResourcesFit.isScalar("nvidia.com/gpu"));
        assertTrue(NodeResourcesFit.isScalar("kubernetes.io/batch-cpu"));
        assertTrue(NodeResourcesFit.isScalar("hugepages-2Mi"));
        assertTrue(NodeResourcesFit.isScalar("attachable-volumes-aws-ebs"));
    }
}
