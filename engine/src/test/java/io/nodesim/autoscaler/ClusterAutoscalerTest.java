package io.nodesim.autoscaler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;
import io.nodesim.simulation.ClusterSimulation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cluster-autoscaler's loop in a run ({@code core/static_autoscaler.go} RunOnce): the scan and
 * provisioning timeline, max and max-nodes-total never exceeded, the cluster-health guard
 * ({@code clusterstate.IsClusterHealthy}), the scale-up timeout and backoff
 * ({@code clusterstate.updateScaleRequests}), and the scale-down of unready nodes.
 */
class ClusterAutoscalerTest {
    private static final long S = SimTime.SECOND;

    @TempDir
    Path dir;

    /** Pool w of 2-CPU nodes; web pods of 900m: two per node. */
    private Scenario scenario(String autoscaler, String pools, int replicas, String faults) {
        return AutoscalerScenarios.load(dir, """
                duration: %s
                clusterAutoscaler: %s
                nodes:
                %s
                workloads:
                %s
                faults:
                %s""".formatted("40m", autoscaler, pools.indent(2),
                AutoscalerScenarios.deployment("web", replicas, "900m", "1Gi", 0).indent(2),
                faults.isEmpty() ? "  []" : faults.indent(2)));
    }

    private static String pool(String name, String zone, int count, int min, int max) {
        return """
                - pool: %s
                  count: %d
                  zones: [%s]
                  allocatable: {cpu: "2", memory: 8Gi, pods: "110"}
                  autoscaling: {min: %d, max: %d, provisionDelay: constant(60s)}
                  kubeletReadyAfter: constant(10s)
                """.formatted(name, count, zone, min, max);
    }

    private static List<EventRecord> events(RunResult r, String kind) {
        return r.events().stream().filter(e -> e.kind().equals(kind)).toList();
    }

    private static RunResult run(ClusterSimulation sim) {
        return sim.run();
    }

    @Test
    void pendingPods_scaleUpAtTheFirstScan_nodesRegisterAfterTheProvisionDelay_andTakeThePods() {
        ClusterSimulation sim = new ClusterSimulation(scenario("{}", pool("w", "a", 2, 1, 10), 8, ""), 0, true);
        RunResult r = run(sim);
        long firstScan = events(r, "ClusterHealth").get(0).time();
        assertTrue(firstScan < 10 * S, "the first scan falls within one scan-interval");
        List<EventRecord> scaleUps = events(r, "ScaleUp");
        assertEquals(List.of(new EventRecord(firstScan, "ScaleUp", "w", "2")), scaleUps);
        assertEquals(List.of(new EventRecord(firstScan + 60 * S, "NodeJoined", "w-2", "w"),
                new EventRecord(firstScan + 60 * S, "NodeJoined", "w-3", "w")), events(r, "NodeJoined"));
        long ready = events(r, "NodeReadyTrue").stream().filter(e -> e.object().equals("w-2")).findFirst()
                .orElseThrow().time();
        assertTrue(ready >= firstScan + 70 * S && ready < firstScan + 71 * S, "Ready 10 s after registering");
        List<EventRecord> onNew = events(r, "PodScheduled").stream().filter(e -> e.detail().startsWith("w-2")
                || e.detail().startsWith("w-3")).toList();
        assertEquals(4, onNew.size());
        assertTrue(onNew.stream().allMatch(e -> e.time() > ready), "scheduled once the not-ready taint is gone");
        assertArrayEquals(new int[] {4}, sim.autoscaler().targetSizes());
    }

    @Test
    void groupMax_isNeverExceeded_whateverThePendingPodsAsk() {
        ClusterSimulation sim = new ClusterSimulation(scenario("{}", pool("w", "a", 2, 1, 3), 20, ""), 0, true);
        RunResult r = run(sim);
        assertEquals(List.of("1"), events(r, "ScaleUp").stream().map(EventRecord::detail).toList());
        assertEquals(1, events(r, "NodeJoined").size());
        assertArrayEquals(new int[] {3}, sim.autoscaler().targetSizes());
    }

    @Test
    void maxNodesTotal_capsTheScaleUpAcrossGroups() {
        ClusterSimulation sim = new ClusterSimulation(scenario("{max-nodes-total: 3}",
                pool("a", "a", 1, 1, 10) + pool("b", "b", 1, 1, 10), 20, ""), 0, true);
        RunResult r = run(sim);
        assertEquals(1, events(r, "NodeJoined").size());
        assertEquals(3, sim.autoscaler().targetSizes()[0] + sim.autoscaler().targetSizes()[1]);
    }

    @Test
    void unreadyGuard_noScaleUpWhileMoreThanOkCountAndPercentageAreUnready() {
        // 4 of 6 nodes down from 1m to 15m: 4 > 3 and 4 > 45 % of 6; the replacements wait.
        String crash = """
                - at: 1m
                  type: NodeCrash
                  nodes: [w-0, w-1, w-2, w-3]
                  duration: 14m
                """;
        RunResult guarded = run(new ClusterSimulation(scenario("{}", pool("w", "a", 6, 1, 20), 12, crash), 0, true));
        List<EventRecord> health = events(guarded, "ClusterHealth");
        assertEquals(List.of("Healthy", "Unhealthy", "Healthy"),
                health.stream().map(e -> e.detail().substring(0, e.detail().indexOf(':'))).toList());
        assertTrue(health.get(1).detail().endsWith("unready=4 registered=6"), health.get(1).detail());
        long unhealthyFrom = health.get(1).time();
        long healthyAgain = health.get(2).time();
        assertTrue(events(guarded, "ScaleUp").stream().noneMatch(e -> e.time() >= unhealthyFrom
                && e.time() < healthyAgain), "no scale-up while the cluster is unhealthy");
        // the same outage with ok-total-unready-count 4: the evicted pods' replacements get new nodes
        RunResult allowed = run(new ClusterSimulation(scenario("{ok-total-unready-count: 4}",
                pool("w", "a", 6, 1, 20), 12, crash), 0, true));
        assertTrue(events(allowed, "ScaleUp").stream().anyMatch(e -> e.time() < 15 * SimTime.MINUTE),
                "scale-up during the outage once 4 unready nodes are acceptable");
    }

    @Test
    void scaleUpThatNeverRegisters_timesOutAfterMaxNodeProvisionTime_backsOffTheGroup_andAnotherGroupIsPicked() {
        // zone a's new machines never boot; the priority expander prefers a
        String autoscaler = "{expander: priority, priorities: {50: [a], 10: [b]}}";
        String deadSlots = """
                - at: 0s
                  type: NodeCrash
                  nodes: [a-1, a-2, a-3, a-4, a-5]
                """;
        ClusterSimulation sim = new ClusterSimulation(scenario(autoscaler,
                pool("a", "a", 1, 1, 3) + pool("b", "b", 1, 1, 3), 6, deadSlots), 0, true);
        RunResult r = run(sim);
        List<EventRecord> ups = events(r, "ScaleUp");
        assertEquals(2, ups.size(), ups.toString());
        assertEquals("a", ups.get(0).object());
        assertEquals("b", ups.get(1).object());
        // ExpectedAddTime = request + 15m; the first scan strictly after it gives up (Before(currentTime))
        assertEquals(ups.get(0).time() + 15 * SimTime.MINUTE + 10 * S, ups.get(1).time());
        assertEquals(List.of("b-1"), events(r, "NodeJoined").stream().map(EventRecord::object).toList());
        assertArrayEquals(new int[] {1, 2}, sim.autoscaler().targetSizes());
    }

    @Test
    void unreadyNode_isScaledDownAfterScaleDownUnreadyTime_neverBelowMin() {
        String crash = """
                - at: 1m
                  type: NodeCrash
                  nodes: [w-0, w-1]
                """;
        ClusterSimulation sim = new ClusterSimulation(scenario("{scale-down-unready-time: 10m}",
                pool("w", "a", 3, 2, 5), 2, crash), 0, true);
        RunResult r = run(sim);
        List<EventRecord> downs = events(r, "ScaleDown");
        assertEquals(1, downs.size(), "one unready node goes; the second would take the group below min 2");
        EventRecord down = downs.get(0);
        // Unready once node-monitor-grace-period passed and the node is more than 15 min old; the timer
        // starts at the first scan that sees it Unready
        assertTrue(down.time() >= 11 * SimTime.MINUTE && down.time() < 12 * SimTime.MINUTE, down.toString());
        assertArrayEquals(new int[] {2}, sim.autoscaler().targetSizes());
    }
}
