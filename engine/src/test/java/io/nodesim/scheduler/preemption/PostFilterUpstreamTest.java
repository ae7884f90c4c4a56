package io.nodesim.scheduler.preemption;

import static io.nodesim.scheduler.preemption.PreemptionFixture.HIGH;
import static io.nodesim.scheduler.preemption.PreemptionFixture.LARGE;
import static io.nodesim.scheduler.preemption.PreemptionFixture.LOW;
import static io.nodesim.scheduler.preemption.PreemptionFixture.MID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.TestCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * default_preemption_test.go {@code TestPostFilter} and {@code TestPodEligibleToPreemptOthers}: the
 * PostFilter after a real failed cycle, whose filter statuses decide where preemption may help, and
 * the eligibility rules. Nodes hold one pod where upstream writes {@code onePodRes}.
 */
class PostFilterUpstreamTest {
    private final PreemptionFixture f = new PreemptionFixture();

    private String postFilter(int priority, long size, String... taintsOfNode1) {
        int p = f.pending("p");
        CompiledPod t = PreemptionFixture.template(f.cluster, "p", priority, size, Map.of());
        DefaultPreemption preemption = f.preemption();
        assertFalse(f.scheduler().scheduleOne(t, p).scheduled(), "the cycle fails first");
        DefaultPreemption.Candidate c = preemption.preempt(p, t);
        return c == null ? "" : f.describe(c);
    }

    @Test
    void podWithHigherPriorityCanBeMadeSchedulable() {
        f.node("node1", PreemptionFixture.VERY_LARGE, 1);
        f.running("p1", "node1", LOW, 0);
        assertEquals("node1[p1]", postFilter(HIGH, 0));
    }

    @Test
    void podWithTiedPriorityIsStillUnschedulable() {
        f.node("node1", PreemptionFixture.VERY_LARGE, 1);
        f.running("p1", "node1", LOW, 0);
        assertEquals("", postFilter(LOW, 0));
    }

    @Test
    void podCanBeMadeSchedulableOnOneNode() {
        f.node("node1", PreemptionFixture.VERY_LARGE, 1);
        f.node("node2", PreemptionFixture.VERY_LARGE, 1);
        f.running("p1", "node1", HIGH, 0);
        f.running("p2", "node2", LOW, 0);
        assertEquals("node2[p2]", postFilter(MID, 0));
    }

    /** "preemption should respect filteredNodesStatuses": a node the filters call unresolvable is not tried. */
    @Test
    void preemptionShouldRespectFilteredNodesStatuses() {
        int n1 = f.node("node1", PreemptionFixture.VERY_LARGE, 1);
        f.running("p1", "node1", LOW, 0);
        f.cluster.nodes.addTaint(n1, "dedicated", "batch", io.nodesim.scheduler.TaintEffects.NO_SCHEDULE);
        assertEquals("", postFilter(HIGH, 0));
    }

    /**
     * "no candidate nodes found, no enough resource after removing low priority pods": the nodes are
     * smaller than the pod's request, which NodeResourcesFit reports as unresolvable (fit.go), so no
     * node is even tried.
     */
    @Test
    void noCandidateNodesFound_notEnoughResourceAfterRemovingLowPriorityPods() {
        f.node("node1", 200, 32);
        f.node("node2", 200, 32);
        f.running("p1", "node1", LOW, 0);
        f.running("p2", "node2", LOW, 0);
        assertEquals("", postFilter(HIGH, LARGE));
    }

    @Test
    void podWithPreemptNeverPolicyIsNotEligible() {
        f.node("node1", PreemptionFixture.VERY_LARGE, 1);
        f.running("p1", "node1", LOW, 0);
        int p = f.pending("p");
        PodTemplateSpec spec = TestCluster.template(0, 0, Map.of());
        spec.getSpec().setPriority(HIGH);
        spec.getSpec().setPreemptionPolicy("Never");
        CompiledPod t = f.cluster.compiler.compile("p", "default", spec, null);
        DefaultPreemption preemption = f.preemption();
        assertFalse(f.scheduler().scheduleOne(t, p).scheduled());
        assertNull(preemption.preempt(p, t));
        assertFalse(preemption.clearsNomination(), "an ineligible pod keeps its nomination");
        assertEquals("not eligible due to preemptionPolicy=Never.", preemption.outcome());
    }

    private boolean eligible(boolean nominated, boolean victimTerminating, boolean byPreemption, int victimPriority,
            boolean nominatedNodeUnresolvable) {
        int n1 = f.node("node1");
        int v = f.running("p1", "node1", victimPriority, 0);
        if (victimTerminating) {
            f.pods.markTerminating(v);
        }
        if (byPreemption) {
            f.pods.markPreempted(v);
        }
        int p = f.pending("p");
        CompiledPod t = PreemptionFixture.template(f.cluster, "p", HIGH, 0, Map.of());
        if (nominated) {
            f.scheduler().nominated().nominate(p, t, n1);
        }
        return f.preemption().eligible(p, t, nominatedNodeUnresolvable);
    }

    @Test
    void podWithNominatedNode_whoseStatusIsUnresolvable_isEligible() {
        assertTrue(eligible(true, true, true, LOW, true));
    }

    @Test
    void podWithNominatedNode_butWithoutNominatedNodeStatus_victimTerminatingByPreemption_isNotEligible() {
        assertFalse(eligible(true, true, true, LOW, false));
    }

    @Test
    void podWithoutNominatedNode_isEligible() {
        assertTrue(eligible(false, true, true, LOW, false));
    }

    @Test
    void nonVictimPodsTerminating_isEligible() {
        assertTrue(eligible(true, true, false, LOW, false), "terminating, but not by preemption");
    }

    @Test
    void terminatingPodOfHigherPriorityOnTheNominatedNode_isEligible() {
        assertTrue(eligible(true, true, true, HIGH, false));
    }
}
