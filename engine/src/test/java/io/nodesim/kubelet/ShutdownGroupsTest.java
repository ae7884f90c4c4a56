package io.nodesim.kubelet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.GracefulShutdownConfig;
import io.nodesim.scenario.GracefulShutdownConfig.PriorityGroup;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The shutdown manager's groups, ported from {@code pkg/kubelet/nodeshutdown/nodeshutdown_manager_test.go}
 * ({@code Test_migrateConfig}, {@code Test_groupByPriority}).
 */
class ShutdownGroupsTest {
    private static final int CRITICAL = GracefulShutdownConfig.SYSTEM_CRITICAL_PRIORITY;

    private static List<PriorityGroup> migrated(long periodSeconds, long criticalSeconds) {
        return new GracefulShutdownConfig(periodSeconds * SimTime.SECOND, criticalSeconds * SimTime.SECOND, List.of())
                .groups();
    }

    @Test
    void migrateConfig_bothPeriods_givesDefaultPriorityTheDifference() {
        assertEquals(List.of(new PriorityGroup(0, 180), new PriorityGroup(CRITICAL, 120)), migrated(300, 120));
    }

    @Test
    void migrateConfig_onlyTheRequestedPeriod_criticalGroupGetsZero() {
        assertEquals(List.of(new PriorityGroup(0, 100), new PriorityGroup(CRITICAL, 0)), migrated(100, 0));
    }

    @Test
    void migrateConfig_emptyOrWrong_givesNoGroups_soShutdownIsImmediate() {
        assertEquals(List.of(), migrated(0, 0));
        assertEquals(List.of(), migrated(1, 100));
    }

    @Test
    void groupByPriority_migratedConfig_highestUserDefinableStaysInTheDefaultGroup() {
        List<PriorityGroup> groups = migrated(300, 120);
        assertEquals(0, NodeShutdownManager.groupOf(groups, 0));
        assertEquals(0, NodeShutdownManager.groupOf(groups, 1_000_000_000));
        assertEquals(1, NodeShutdownManager.groupOf(groups, CRITICAL));
    }

    @Test
    void groupByPriority_belowTheLowestGoesLowest_aboveTheHighestGoesHighest_betweenGoesLower() {
        List<PriorityGroup> groups = List.of(new PriorityGroup(1, 10), new PriorityGroup(2, 20),
                new PriorityGroup(3, 30), new PriorityGroup(4, 40));
        assertEquals(List.of(0, 0, 1, 2, 3, 3),
                IntStream.rangeClosed(0, 5).map(p -> NodeShutdownManager.groupOf(groups, p)).boxed().toList());
    }

    @Test
    void explicitGroups_areSortedLowestPriorityFirst() {
        var config = new GracefulShutdownConfig(0, 0, List.of(new PriorityGroup(100000, 20), new PriorityGroup(0, 10)));
        assertEquals(List.of(new PriorityGroup(0, 10), new PriorityGroup(100000, 20)), config.groups());
    }
}
