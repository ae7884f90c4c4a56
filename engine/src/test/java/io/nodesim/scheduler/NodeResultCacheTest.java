package io.nodesim.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeResultCacheTest {
    private final TestCluster cluster = new TestCluster();

    NodeResultCacheTest() {
        for (int i = 0; i < 4; i++) {
            cluster.add("n" + i, 4000, 8192);
        }
    }

    @Test
    void podsPinnedToOneNodeDoNotEvictTheWorkloadsWays() {
        NodeResultCache cache = new NodeResultCache(cluster.nodes, 3);
        List<CompiledPod> workloads = new ArrayList<>();
        List<NodeResultCache.Way> ways = new ArrayList<>();
        List<Long> epochs = new ArrayList<>();
        for (int w = 0; w < NodeResultCache.WAYS; w++) {
            workloads.add(cluster.pod("w" + w, 100, 100));
            ways.add(cache.of(workloads.get(w), false));
            epochs.add(ways.get(w).epoch);
        }
        for (int d = 0; d < 10; d++) {
            cache.of(cluster.pod("daemon-" + d, 10, 10), true);
        }
        for (int w = 0; w < NodeResultCache.WAYS; w++) {
            NodeResultCache.Way again = cache.of(workloads.get(w), false);
            assertSame(ways.get(w), again, "workload " + w + " kept its way");
            assertEquals(epochs.get(w), again.epoch, "workload " + w + " kept its cached answers (same epoch)");
        }
    }

    @Test
    void pinnedPodsShareOneWay_eachUnderAFreshEpoch() {
        NodeResultCache cache = new NodeResultCache(cluster.nodes, 3);
        NodeResultCache.Way first = cache.of(cluster.pod("daemon-a", 10, 10), true);
        long firstEpoch = first.epoch;
        NodeResultCache.Way second = cache.of(cluster.pod("daemon-b", 10, 10), true);
        assertSame(first, second);
        assertNotEquals(firstEpoch, second.epoch, "an earlier pinned pod's entries must not match the next one");
    }

    @Test
    void aNodeAddedLeavesNoWayTooSmall() {
        NodeResultCache cache = new NodeResultCache(cluster.nodes, 3);
        cache.of(cluster.pod("daemon-a", 10, 10), true);
        for (int i = 4; i < 40; i++) {
            cluster.add("n" + i, 4000, 8192);
        }
        NodeResultCache.Way way = cache.of(cluster.pod("daemon-b", 10, 10), true);
        org.junit.jupiter.api.Assertions.assertTrue(way.passed.length >= cluster.nodes.slots());
    }
}
