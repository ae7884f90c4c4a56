package io.nodesim.autoscaler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scenario.ClusterAutoscalerConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * The expanders ({@code expander/mostpods}, {@code waste}, {@code leastnodes}, {@code priority},
 * {@code factory/chain.go}) and the cluster-health rule of {@code clusterstate_test.go}
 * ({@code TestOKOneUnreadyNode}, {@code TestTooManyUnready}).
 */
class ExpandersTest {
    private static final long MILLI = 1;
    private static final long GI = 1L << 30;
    /** 2 nodes of 4 CPU / 16 GiB asked for 6 CPU, 8 GiB: waste 0.25 + 0.75. */
    private static final ExpansionOption BALANCED = new ExpansionOption(0, "balanced", 2, 6, 6000 * MILLI, 8 * GI,
            4000, 16 * GI);
    /** 1 node of 8 CPU / 16 GiB asked for 6 CPU, 8 GiB: waste 0.25 + 0.5, the least. */
    private static final ExpansionOption BIG = new ExpansionOption(1, "big", 1, 6, 6000 * MILLI, 8 * GI, 8000,
            16 * GI);
    /** 3 nodes taking 7 pods. */
    private static final ExpansionOption MANY = new ExpansionOption(2, "spot-many", 3, 7, 7000 * MILLI, 9 * GI, 4000,
            16 * GI);

    private static ClusterAutoscalerConfig config(List<String> expanders, Map<Integer, List<String>> priorities) {
        ClusterAutoscalerConfig d = ClusterAutoscalerConfig.DISABLED;
        return new ClusterAutoscalerConfig(true, d.scanInterval(), d.maxNodeProvisionTime(),
                d.maxTotalUnreadyPercentage(), d.okTotalUnreadyCount(), 0, 0, expanders, priorities, true,
                d.scaleDownUnreadyTime(), d.scaleDownDelayAfterAdd(), d.initialNodeGroupBackoffDuration(),
                d.maxNodeGroupBackoffDuration());
    }

    private static ExpansionOption choose(List<String> expanders, Map<Integer, List<String>> priorities,
            List<ExpansionOption> options) {
        return new Expanders(config(expanders, priorities), new MersenneTwister(1)).choose(options);
    }

    @Test
    void leastWaste_picksTheSmallestWastedCpuPlusMemoryFraction() {
        assertEquals(1.0, LeastWasteExpander.wastedScore(BALANCED), 1e-12);
        assertEquals(0.75, LeastWasteExpander.wastedScore(BIG), 1e-12);
        assertEquals(BIG, choose(List.of("least-waste"), Map.of(), List.of(BALANCED, BIG, MANY)));
    }

    @Test
    void mostPods_andLeastNodes_pickByTheirCounts() {
        assertEquals(MANY, choose(List.of("most-pods"), Map.of(), List.of(BALANCED, BIG, MANY)));
        assertEquals(BIG, choose(List.of("least-nodes"), Map.of(), List.of(BALANCED, BIG, MANY)));
    }

    @Test
    void priority_keepsTheHighestMatchingPriority_andDropsGroupsNoExpressionMatches() {
        Map<Integer, List<String>> priorities = Map.of(10, List.of(".*"), 50, List.of("spot-.*"));
        assertEquals(MANY, choose(List.of("priority"), priorities, List.of(BALANCED, BIG, MANY)));
        PriorityExpander onlySpot = new PriorityExpander(Map.of(50, List.of("spot-.*")));
        assertEquals(List.of(MANY), onlySpot.bestOptions(List.of(BALANCED, BIG, MANY)));
        assertNull(choose(List.of("priority"), Map.of(50, List.of("spot-.*")), List.of(BALANCED)),
                "a lone option no expression matches is not taken");
        assertNull(new PriorityExpander(Map.of(5, List.of("big"))).priorityOf("bigger"), "the whole name must match");
    }

    @Test
    void chain_narrowsInOrder_thenPicksAtRandomAmongTheRest() {
        Map<Integer, List<String>> priorities = Map.of(10, List.of("balanced", "big"), 1, List.of(".*"));
        assertEquals(BIG, choose(List.of("priority", "least-waste"), priorities, List.of(BALANCED, BIG, MANY)));
        Set<String> picked = new HashSet<>();
        Expanders random = new Expanders(config(List.of("random"), Map.of()), new MersenneTwister(3));
        for (int i = 0; i < 50; i++) {
            picked.add(random.choose(List.of(BALANCED, BIG, MANY)).groupName());
        }
        assertEquals(Set.of("balanced", "big", "spot-many"), picked);
    }

    @Test
    void clusterHealth_oneUnreadyOfTwoIsOk_twoOfTwoAreTooMany() {
        // MaxTotalUnreadyPercentage 10, OkTotalUnreadyCount 1, as the upstream tests configure it
        assertTrue(ClusterReadiness.healthy(1, 2, 1, 10));
        assertFalse(ClusterReadiness.healthy(2, 2, 1, 10));
        // the defaults: more than 3 and more than 45 %
        assertTrue(ClusterReadiness.healthy(3, 4, 3, 45));
        assertTrue(ClusterReadiness.healthy(4, 10, 3, 45));
        assertFalse(ClusterReadiness.healthy(5, 10, 3, 45));
    }
}
