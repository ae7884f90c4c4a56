package io.nodesim.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aNodeAddedDropsEveryWay_theNextOnesCoverTheNewSlots() {
        NodeResultCache cache = new NodeResultCache(cluster.nodes, 3);
        CompiledPod workload = cluster.pod("w", 100, 100);
        NodeResultCache.Way before = cache.of(workload, false);
        NodeResultCache.Way pinnedBefore = cache.of(cluster.pod("daemon-a", 10, 10), true);
        for (int i = 4; i < 40; i++) {
            cluster.add("n" + i, 4000, 8192);
        }
        NodeResultCache.Way after = cache.of(workload, false);
        NodeResultCache.Way pinnedAfter = cache.of(cluster.pod("daemon-b", 10, 10), true);
        assertNotSame(before, after, "the node set changed: the workload's answers are dropped");
        assertNotSame(pinnedBefore, pinnedAfter, "and so are the pinned pods'");
        assertTrue(after.passed.length >= cluster.nodes.slots());
        assertTrue(pinnedAfter.passed.length >= cluster.nodes.slots());
    }

    /** Through the scheduler: DaemonSet pods (one candidate node each) leave the workloads' ways alone. */
    @Test
    void schedulingPinnedPodsKeepsAWorkloadsWay() {
        Scheduler scheduler = cluster.scheduler(TestCluster.V135);
        CompiledPod workload = cluster.pod("web", 100, 100);
        scheduler.place(workload);
        NodeResultCache.Way way = scheduler.resultCache().cached(workload);
        long epoch = way.epoch;
        CompiledPod daemon = cluster.pod("agent", 10, 10);
        for (int i = 0; i < 4; i++) {
            for (int copy = 0; copy < 3; copy++) {
                String node = "n" + i;
                assertEquals(cluster.nodes.indexOf(node),
                        scheduler.place(cluster.compiler.compilePinned(daemon, "agent-" + node + "-" + copy, node)));
            }
        }
        assertSame(way, scheduler.resultCache().cached(workload), "the workload's way was not handed to a daemon pod");
        assertEquals(epoch, way.epoch);
    }
}
