package io.nodesim.scheduler.preemption;

import static io.nodesim.scheduler.preemption.PreemptionFixture.HIGH;
import static io.nodesim.scheduler.preemption.PreemptionFixture.LARGE;
import static io.nodesim.scheduler.preemption.PreemptionFixture.LOW;
import static io.nodesim.scheduler.preemption.PreemptionFixture.MEDIUM;
import static io.nodesim.scheduler.preemption.PreemptionFixture.MID;
import static io.nodesim.scheduler.preemption.PreemptionFixture.SMALL;
import static io.nodesim.scheduler.preemption.PreemptionFixture.VERY_LARGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.scheduler.CompiledPod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cases of kubernetes pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go
 * {@code TestDryRunPreemption} (which runs SelectVictimsOnNode on every node), with NodeResourcesFit
 * as the filter that rejects, resources and priorities as upstream writes them; the expected
 * candidates are upstream's, sorted by node and victim name as upstream sorts them.
 */
class DryRunPreemptionUpstreamTest {
    private final PreemptionFixture f = new PreemptionFixture();

    private String dryRun(int priority, long size, DefaultPreemption preemption, int offset, int numCandidates) {
        int p = f.pending("p");
        CompiledPod t = PreemptionFixture.template(f.cluster, "p", priority, size, Map.of());
        List<DefaultPreemption.Candidate> got = preemption.dryRun(p, t, f.allNodes(), offset, numCandidates);
        return f.describe(got);
    }

    private String dryRun(int priority, long size) {
        return dryRun(priority, size, f.preemption(), 0, f.allNodes().length);
    }

    @Test
    void aPodThatFitsOnBothNodesWhenLowerPriorityPodsArePreempted() {
        f.node("node1");
        f.node("node2");
        f.running("p1", "node1", MID, LARGE);
        f.running("p2", "node2", MID, LARGE);
        assertEquals("node1[p1] node2[p2]", dryRun(HIGH, LARGE));
    }

    @Test
    void aPodThatWouldFitButOtherPodsRunningAreHigherPriority_noPreemptionWouldHappen() {
        f.node("node1");
        f.node("node2");
        f.running("p1", "node1", MID, LARGE);
        f.running("p2", "node2", MID, LARGE);
        assertEquals("", dryRun(LOW, LARGE));
    }

    @Test
    void mediumPriorityPodIsPreempted_butLowerPriorityOneStaysAsItIsSmall() {
        f.node("node1");
        f.node("node2");
        f.running("p1.1", "node1", LOW, SMALL);
        f.running("p1.2", "node1", MID, LARGE);
        f.running("p2", "node2", MID, LARGE);
        assertEquals("node1[p1.2] node2[p2]", dryRun(HIGH, LARGE));
    }

    @Test
    void mixedPriorityPodsArePreempted() {
        f.node("node1");
        f.node("node2");
        f.running("p1.1", "node1", MID, SMALL);
        f.running("p1.2", "node1", LOW, SMALL);
        f.running("p1.3", "node1", MID, MEDIUM);
        f.running("p1.4", "node1", HIGH, SMALL);
        f.running("p2", "node2", HIGH, LARGE);
        assertEquals("node1[p1.2, p1.3]", dryRun(HIGH, LARGE));
    }

    @Test
    void mixedPriorityPodsArePreempted_pickLaterStartTimeOneWhenPrioritiesAreEqual() {
        f.node("node1");
        f.node("node2");
        f.running("p1.1", "node1", LOW, SMALL, 5, Map.of());
        f.running("p1.2", "node1", LOW, SMALL, 4, Map.of());
        f.running("p1.3", "node1", MID, MEDIUM, 3, Map.of());
        f.running("p1.4", "node1", HIGH, SMALL, 2, Map.of());
        f.running("p2", "node2", HIGH, LARGE, 1, Map.of());
        assertEquals("node1[p1.1, p1.3]", dryRun(HIGH, LARGE));
    }

    @Test
    void preemptionWithViolationOfSamePdb() {
        f.node("node1");
        f.running("p1.1", "node1", MID, MEDIUM, 0, Map.of("app", "foo"));
        f.running("p1.2", "node1", MID, MEDIUM, 0, Map.of("app", "foo"));
        var budgets = new PreemptionFixture.Budgets(f).add(Map.of("app", "foo"), 1);
        assertEquals("node1[p1.1, p1.2]/pdb1",
                dryRun(HIGH, VERY_LARGE, f.preemption(DefaultPreemptionArgs.DEFAULT, budgets), 0, 1));
    }

    @Test
    void pdbWithPodWhoseEvictionWasProcessed_theVictimDoesNotBelongToDisruptedPods() {
        f.node("node1");
        f.running("p1.1", "node1", MID, MEDIUM, 0, Map.of("app", "foo"));
        f.running("p1.2", "node1", MID, MEDIUM, 0, Map.of("app", "foo"));
        var budgets = new PreemptionFixture.Budgets(f).add(Map.of("app", "foo"), 1, "p2");
        assertEquals("node1[p1.1, p1.2]/pdb1",
                dryRun(HIGH, VERY_LARGE, f.preemption(DefaultPreemptionArgs.DEFAULT, budgets), 0, 1));
    }

    @Test
    void pdbWithPodWhoseEvictionWasProcessed_theVictimBelongsToDisruptedPods() {
        f.node("node1");
        f.running("p1.1", "node1", MID, MEDIUM, 0, Map.of("app", "foo"));
        f.running("p1.2", "node1", MID, MEDIUM, 0, Map.of("app", "foo"));
        var budgets = new PreemptionFixture.Budgets(f).add(Map.of("app", "foo"), 1, "p1.2");
        assertEquals("node1[p1.1, p1.2]",
                dryRun(HIGH, VERY_LARGE, f.preemption(DefaultPreemptionArgs.DEFAULT, budgets), 0, 1));
    }

    @Test
    void pdbWithPodWhoseEvictionWasProcessed_theVictimInDisruptedPodsIsTreatedAsNonViolating() {
        f.node("node1");
        f.running("p1.1", "node1", MID, MEDIUM, 0, Map.of("app", "foo"));
        f.running("p1.2", "node1", MID, MEDIUM, 0, Map.of("app", "foo"));
        f.running("p1.3", "node1", MID, MEDIUM, 0, Map.of("app", "foo"));
        var budgets = new PreemptionFixture.Budgets(f).add(Map.of("app", "foo"), 1, "p1.3");
        assertEquals("node1[p1.1, p1.2, p1.3]/pdb1",
                dryRun(HIGH, VERY_LARGE, f.preemption(DefaultPreemptionArgs.DEFAULT, budgets), 0, 1));
    }

    /** Upstream's seeded source gives offset 4 in cycle 0 and 3 in cycle 2 of the five nodes. */
    @Test
    void allNodesArePossibleCandidates_butDefaultPreemptionArgsLimitsTo2() {
        for (int i = 1; i <= 5; i++) {
            f.node("node" + i);
        }
        for (int i = 1; i <= 5; i++) {
            f.running("p" + i, "node" + i, MID, LARGE);
        }
        DefaultPreemptionArgs args = new DefaultPreemptionArgs(40, 1);
        int n = args.numCandidates(5);
        assertEquals(2, n);
        assertEquals("node1[p1] node5[p5]", dryRun(HIGH, LARGE, f.preemption(args, DisruptionBudgets.NONE), 4, n),
                "cycle 0: offset 4 => node5, node1");
        assertEquals("node4[p4] node5[p5]", dryRun(HIGH, LARGE, f.preemption(args, DisruptionBudgets.NONE), 3, n),
                "cycle 2: offset 3 => node4, node5");
    }

    @Test
    void preemptionLooksPastNumCandidatesUntilANonPdbViolatingNodeIsFound() {
        for (int i = 1; i <= 5; i++) {
            f.node("node" + i);
        }
        f.running("p1", "node1", MID, LARGE, 0, Map.of("app", "foo"));
        f.running("p2", "node2", MID, LARGE, 0, Map.of("app", "foo"));
        f.running("p3", "node3", MID, LARGE);
        f.running("p4", "node4", MID, LARGE);
        f.running("p5", "node5", MID, LARGE, 0, Map.of("app", "foo"));
        var budgets = new PreemptionFixture.Budgets(f).add(Map.of("app", "foo"), 0);
        DefaultPreemptionArgs args = new DefaultPreemptionArgs(40, 2);
        // offset 4 => node5 (pdb), node1 (pdb), node2 (pdb: the violating list is full), node3 (yes): stop
        assertEquals("node1[p1]/pdb1 node3[p3] node5[p5]/pdb1",
                dryRun(HIGH, LARGE, f.preemption(args, budgets), 4, args.numCandidates(5)));
    }

    @Test
    void dryRunLeavesTheSchedulerCacheAsItFoundIt() {
        int n1 = f.node("node1");
        f.running("p1.1", "node1", LOW, SMALL);
        f.running("p1.2", "node1", MID, LARGE);
        long cpu = f.cluster.nodes.pods().requested(0, n1);
        int count = f.cluster.nodes.pods().podCount(n1);
        dryRun(HIGH, LARGE);
        assertEquals(cpu, f.cluster.nodes.pods().requested(0, n1));
        assertEquals(count, f.cluster.nodes.pods().podCount(n1));
    }
}
