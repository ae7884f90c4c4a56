package io.nodesim.scheduler.preemption;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.TestCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kubernetes pkg/scheduler/framework/preemption/preemption_test.go
 * {@code TestNodesWherePreemptionMightHelp}: which filter rejections leave a node worth a dry run
 * (Unschedulable) and which do not (UnschedulableAndUnresolvable), as {@link FilterCodes} classifies
 * the plugins' reasons.
 */
class NodesWherePreemptionMightHelpTest {
    private final TestCluster c = new TestCluster();
    private final int node = c.add("node1", 4000, 8192);
    private final CompiledPod pod = PreemptionFixture.template(c, "p", 1000, 500, Map.of());

    private boolean unresolvable(String plugin, String reason) {
        return FilterCodes.unresolvable(plugin, reason, pod, c.nodes, node);
    }

    @Test
    void noNodeShouldBeAttempted_nodeAffinityTaintsUnschedulableNodeName() {
        assertTrue(unresolvable("NodeAffinity", "node(s) didn't match Pod's node affinity/selector"));
        assertTrue(unresolvable("TaintToleration", "node(s) had untolerated taint(s)"));
        assertTrue(unresolvable("NodeUnschedulable", "node(s) were unschedulable"));
        assertTrue(unresolvable("NodeName", "node(s) didn't match the requested node name"));
    }

    @Test
    void affinityRulesNotMatch_isNotTried_butAntiAffinityRulesNotMatch_is() {
        assertTrue(unresolvable("InterPodAffinity", "node(s) didn't match pod affinity rules"));
        assertFalse(unresolvable("InterPodAffinity", "node(s) didn't match pod anti-affinity rules"));
        assertFalse(unresolvable("InterPodAffinity", "node(s) didn't satisfy existing pods anti-affinity rules"));
    }

    @Test
    void topologySpreadConstraintsNotMatch_isTried_butAMissingLabel_isNot() {
        assertFalse(unresolvable("PodTopologySpread", "node(s) didn't match pod topology spread constraints"));
        assertTrue(unresolvable("PodTopologySpread",
                "node(s) didn't match pod topology spread constraints (missing required label)"));
    }

    /** Mix of failed predicates works fine: ports and resources that removing pods frees are tried. */
    @Test
    void portsPodCountAndResourcesWithinAllocatable_areTried() {
        assertFalse(unresolvable("NodePorts", "node(s) didn't have free ports for the requested pod ports"));
        assertFalse(unresolvable("NodeResourcesFit", "Too many pods"));
        assertFalse(unresolvable("NodeResourcesFit", "Insufficient cpu"));
    }

    /** fit.go: a request above the node's allocatable is Unresolvable, whatever the pods there. */
    @Test
    void aRequestAboveAllocatable_isNotTried() {
        CompiledPod huge = PreemptionFixture.template(c, "huge", 1000, 5000, Map.of());
        assertTrue(FilterCodes.unresolvable("NodeResourcesFit", "Insufficient cpu", huge, c.nodes, node));
    }
}
