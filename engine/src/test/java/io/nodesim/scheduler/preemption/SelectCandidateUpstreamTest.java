package io.nodesim.scheduler.preemption;

import static io.nodesim.scheduler.preemption.PreemptionFixture.HIGH;
import static io.nodesim.scheduler.preemption.PreemptionFixture.LARGE;
import static io.nodesim.scheduler.preemption.PreemptionFixture.LOW;
import static io.nodesim.scheduler.preemption.PreemptionFixture.MEDIUM;
import static io.nodesim.scheduler.preemption.PreemptionFixture.MID;
import static io.nodesim.scheduler.preemption.PreemptionFixture.NEG;
import static io.nodesim.scheduler.preemption.PreemptionFixture.SMALL;
import static io.nodesim.scheduler.preemption.PreemptionFixture.VERY_HIGH;
import static io.nodesim.scheduler.preemption.PreemptionFixture.VERY_LARGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scheduler.CompiledPod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cases of default_preemption_test.go {@code TestSelectBestCandidate}: the dry run over every
 * node, then SelectCandidate's tie-breaks (pickOneNodeForPreemption). Start times are upstream's
 * epochTime1..6.
 */
class SelectCandidateUpstreamTest {
    private final PreemptionFixture f = new PreemptionFixture();

    private String select(int priority, long size) {
        int p = f.pending("p");
        CompiledPod t = PreemptionFixture.template(f.cluster, "p", priority, size, Map.of());
        DefaultPreemption preemption = f.preemption();
        List<DefaultPreemption.Candidate> candidates = preemption.dryRun(p, t, f.allNodes(), 0, f.allNodes().length);
        return f.cluster.nodes.name(CandidateSelection.pick(candidates, f.pods).node());
    }

    private void nodes(int n) {
        for (int i = 1; i <= n; i++) {
            f.node("node" + i);
        }
    }

    private void run(String name, int priority, long size, long start) {
        f.running(name, "node" + name.charAt(1), priority, size, start, Map.of());
    }

    @Test
    void aPodThatFitsOnBothNodesWhenLowerPriorityPodsArePreempted() {
        nodes(2);
        run("p1", MID, LARGE, 0);
        run("p2", MID, LARGE, 0);
        assertTrue(List.of("node1", "node2").contains(select(HIGH, LARGE)));
    }

    @Test
    void nodeWithMinHighestPriorityPodIsPicked() {
        nodes(3);
        run("p1.1", MID, MEDIUM, 0);
        run("p1.2", MID, LARGE, 0);
        run("p2.1", MID, MEDIUM, 0);
        run("p2.2", LOW, MEDIUM, 0);
        run("p3.1", LOW, MEDIUM, 0);
        run("p3.2", LOW, MEDIUM, 0);
        assertEquals("node3", select(HIGH, VERY_LARGE));
    }

    @Test
    void whenHighestPrioritiesAreTheSame_minimumSumOfPrioritiesIsPicked() {
        nodes(3);
        run("p1.1", MID, MEDIUM, 0);
        run("p1.2", MID, LARGE, 0);
        run("p2.1", MID, LARGE, 0);
        run("p2.2", LOW, MEDIUM, 0);
        run("p3.1", MID, MEDIUM, 0);
        run("p3.2", MID, MEDIUM, 0);
        assertEquals("node2", select(HIGH, VERY_LARGE));
    }

    @Test
    void whenHighestPriorityAndSumAreTheSame_minimumNumberOfPodsIsPicked() {
        nodes(3);
        run("p1.1", MID, SMALL, 0);
        run("p1.2", NEG, SMALL, 0);
        run("p1.3", MID, SMALL, 0);
        run("p1.4", NEG, SMALL, 0);
        run("p2.1", MID, LARGE, 0);
        run("p2.2", NEG, MEDIUM, 0);
        run("p3.1", MID, MEDIUM, 0);
        run("p3.2", NEG, SMALL, 0);
        run("p3.3", LOW, SMALL, 0);
        assertEquals("node2", select(HIGH, VERY_LARGE));
    }

    @Test
    void sumOfAdjustedPrioritiesIsConsidered() {
        nodes(3);
        run("p1.1", MID, SMALL, 0);
        run("p1.2", NEG, SMALL, 0);
        run("p1.3", NEG, SMALL, 0);
        run("p2.1", MID, LARGE, 0);
        run("p2.2", NEG, MEDIUM, 0);
        run("p3.1", MID, MEDIUM, 0);
        run("p3.2", NEG, SMALL, 0);
        run("p3.3", LOW, SMALL, 0);
        assertEquals("node2", select(HIGH, VERY_LARGE));
    }

    @Test
    void nonOverlappingLowestHighPriority_sumPriorities_andNumberOfPods() {
        nodes(4);
        run("p1.1", MID, SMALL, 0);
        run("p1.2", LOW, SMALL, 0);
        run("p1.3", LOW, SMALL, 0);
        run("p2.1", HIGH, LARGE, 0);
        run("p3.1", MID, MEDIUM, 0);
        run("p3.2", LOW, SMALL, 0);
        run("p3.3", LOW, SMALL, 0);
        run("p3.4", LOW, MEDIUM, 0);
        run("p4.1", MID, MEDIUM, 0);
        run("p4.2", MID, SMALL, 0);
        run("p4.3", MID, SMALL, 0);
        run("p4.4", NEG, SMALL, 0);
        assertEquals("node1", select(VERY_HIGH, VERY_LARGE));
    }

    @Test
    void samePriority_sameNumberOfVictims_differentStartTimeForEachNodesPod() {
        nodes(3);
        run("p1.1", MID, MEDIUM, 2);
        run("p1.2", MID, MEDIUM, 2);
        run("p2.1", MID, MEDIUM, 3);
        run("p2.2", MID, MEDIUM, 3);
        run("p3.1", MID, MEDIUM, 1);
        run("p3.2", MID, MEDIUM, 1);
        assertEquals("node2", select(HIGH, VERY_LARGE));
    }

    @Test
    void samePriority_sameNumberOfVictims_differentStartTimeForAllPods() {
        nodes(3);
        run("p1.1", MID, MEDIUM, 4);
        run("p1.2", MID, MEDIUM, 2);
        run("p2.1", MID, MEDIUM, 5);
        run("p2.2", MID, MEDIUM, 1);
        run("p3.1", MID, MEDIUM, 3);
        run("p3.2", MID, MEDIUM, 6);
        assertEquals("node3", select(HIGH, VERY_LARGE));
    }

    @Test
    void differentPriority_sameNumberOfVictims_differentStartTimeForAllPods() {
        nodes(3);
        run("p1.1", LOW, MEDIUM, 4);
        run("p1.2", MID, MEDIUM, 2);
        run("p2.1", MID, MEDIUM, 6);
        run("p2.2", LOW, MEDIUM, 1);
        run("p3.1", LOW, MEDIUM, 3);
        run("p3.2", MID, MEDIUM, 5);
        assertEquals("node2", select(HIGH, VERY_LARGE));
    }

    /** pickOneNodeForPreemption's first rule: fewer PDB violations wins over everything after it. */
    @Test
    void fewestPdbViolationsWinsBeforeLowerVictimPriority() {
        nodes(2);
        f.running("p1.1", "node1", LOW, LARGE, 0, Map.of("app", "foo"));
        f.running("p2.1", "node2", MID, LARGE, 0, Map.of());
        var budgets = new PreemptionFixture.Budgets(f).add(Map.of("app", "foo"), 0);
        int p = f.pending("p");
        CompiledPod t = PreemptionFixture.template(f.cluster, "p", HIGH, LARGE, Map.of());
        var candidates = f.preemption(DefaultPreemptionArgs.DEFAULT, budgets).dryRun(p, t, f.allNodes(), 0, 2);
        assertEquals("node1[p1.1]/pdb1 node2[p2.1]", f.describe(candidates));
        assertEquals("node2", f.cluster.nodes.name(CandidateSelection.pick(candidates, f.pods).node()));
    }
}
