package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static io.nodesim.testing.ScenarioFixture.zone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.nodelifecycle.ZoneState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec §1.5: zone states, limiter swaps, master disruption mode, the exclusion label. */
class ZoneDisruptionTest {
    private static final long CRASH = SimTime.seconds(100);

    private static long tainted(RunResult r) {
        return r.nodes().stream().filter(n -> n.noExecuteTaintAt() != SimTime.NEVER).count();
    }

    /** Nodes without a zone label share the zone "" (GetZoneKey): its events name it as an empty object. */
    @Test
    void unlabelledZone_isAnEmptyObject_notTheLiteralQuotes() {
        RunResult r = ClusterSimulation.run(scenario().pool("node", 4, "").deployment("web", 4)
                .crash(CRASH, "node-0", "node-1", "node-2").duration(SimTime.seconds(300)).build(), 0, true);
        List<EventRecord> zoneEvents = events(r, "ZoneState");
        assertEquals(ZoneState.PARTIAL_DISRUPTION.upstreamName(), zoneEvents.get(0).detail());
        assertTrue(zoneEvents.stream().allMatch(e -> e.object().isEmpty()), zoneEvents.toString());
    }

    @Test
    void computeZoneState_thresholdInFloat32_andMoreThanTwo() {
        assertEquals(ZoneState.PARTIAL_DISRUPTION, ZoneState.compute(9, 11, 0.55f));
        assertEquals(ZoneState.PARTIAL_DISRUPTION, ZoneState.compute(2, 3, 0.55f));
        assertEquals(ZoneState.NORMAL, ZoneState.compute(1, 2, 0.55f));
        assertEquals(ZoneState.FULL_DISRUPTION, ZoneState.compute(0, 1, 0.55f));
        assertEquals(ZoneState.NORMAL, ZoneState.compute(0, 0, 0.55f));
    }

    @Test
    void partialDisruption_smallZone_stopsTainting() {
        // Case 17: 5 nodes, 3 down: Partial (3 > 2, 0.6 ≥ 0.55); zone size 5 ≤ 50 → rate 0.
        var s = scenario().pool("node", 5, "a").pool("other", 5, "b").deployment("web", 10)
                .crash(CRASH, "node-0", "node-1", "node-2").duration(SimTime.MINUTE * 15).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        RunResult r = sim.run();
        assertEquals(ZoneState.PARTIAL_DISRUPTION, sim.nodeLifecycle().zoneState(0));
        List<EventRecord> zs = events(r, "ZoneState");
        assertEquals(1, zs.size());
        assertEquals("PartialDisruption", zs.get(0).detail());
        assertTrue(tainted(r) <= 2, "tainting stopped once the zone went Partial");
    }

    @Test
    void partialDisruption_largeZone_secondaryRate() {
        // 60-node zone > 50: 40 down → Partial at 0.01 nodes/s: taints 100 s apart afterwards.
        String[] failed = new String[40];
        for (int i = 0; i < 40; i++) {
            failed[i] = "node-" + i;
        }
        var s = scenario().pool("node", 60, "a").pool("other", 3, "b").crash(CRASH, failed)
                .duration(SimTime.MINUTE * 20).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        long partialAt = events(r, "ZoneState").get(0).time();
        long[] after = r.nodes().stream().mapToLong(NodeRecord::noExecuteTaintAt).filter(t -> t > partialAt && t != SimTime.NEVER)
                .sorted().toArray();
        assertTrue(after.length >= 5, "tainting continues slowly: " + after.length);
        // The swap found the old bucket empty, so the new one starts drained: first taint 1/rate later.
        assertTrue(after[0] - partialAt >= SimTime.seconds(100) - SimTime.MILLISECOND);
        for (int i = 1; i < after.length; i++) {
            assertTrue(after[i] - after[i - 1] >= SimTime.seconds(100) - SimTime.MILLISECOND);
            assertTrue(after[i] - after[i - 1] <= SimTime.seconds(100) + SimTime.millis(100));
        }
    }

    @Test
    void twoDownIsNotMoreThanTwo_thenTheThirdMakesItFull() {
        // Case 19 (with a healthy second zone, so that not every zone is Full).
        var s = scenario().pool("node", 3, "a").pool("other", 3, "b")
                .crash(CRASH, "node-0", "node-1").crash(CRASH + SimTime.MINUTE * 3, "node-2")
                .duration(SimTime.MINUTE * 8).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        List<EventRecord> zs = events(r, "ZoneState");
        assertEquals(1, zs.size(), "Normal until the third node fails: " + zs);
        assertEquals("FullDisruption", zs.get(0).detail());
        assertTrue(zs.get(0).time() > CRASH + SimTime.MINUTE * 3);
    }

    @Test
    void fullDisruptionOfOneZone_taintsContinueAtPrimaryRate() {
        // Case 20: zone a entirely down, zone b healthy: Full uses HealthyQPSFunc (0.1 nodes/s).
        var s = scenario().pool("node", 6, "a").pool("other", 6, "b").fault("ZoneOutage", CRASH,
                SimTime.NEVER, zone("a")).duration(SimTime.MINUTE * 5).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        assertEquals(6, tainted(r));
        assertTrue(events(r, "DisruptionModeEntered").isEmpty());
    }

    @Test
    void masterDisruption_everyZoneFull_stripsTaintsStopsEvictions_resetsProbesOnExit() {
        var s = scenario().pool("node", 4, "a").pool("other", 4, "b").deployment("web", 8)
                .fault("ZoneOutage", CRASH, SimTime.MINUTE * 10, zone("a"))
                .fault("ZoneOutage", CRASH + SimTime.seconds(30), SimTime.MINUTE * 10, zone("b"))
                .duration(SimTime.MINUTE * 25).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, true);
        RunResult r = sim.run();
        EventRecord entered = events(r, "DisruptionModeEntered").get(0);
        EventRecord exited = events(r, "DisruptionModeExited").get(0);
        assertTrue(entered.time() < exited.time());
        long taintsDuring = events(r, "TaintAdded").stream()
                .filter(e -> e.detail().endsWith("NoExecute") && e.time() > entered.time() && e.time() < exited.time())
                .count();
        assertEquals(0, taintsDuring, "no NoExecute taint while every zone is down");
        assertTrue(events(r, "TaintRemoved").stream().anyMatch(e -> e.time() == entered.time()
                && e.detail().endsWith("NoExecute")), "taints stripped when the mode starts");
        assertEquals(0, r.metrics().get("time_to_pod_deletion").length, "no pod deleted");
    }

    @Test
    void excludeDisruptionLabel_leavesNodesOutOfTheZoneCount() {
        var f = scenario();
        Map<String, String> excluded = Map.of("node.kubernetes.io/exclude-disruption", "");
        f.node("x1", "a", excluded).node("x2", "a", excluded).node("n1", "a", Map.of()).node("n2", "a", Map.of())
                .node("n3", "a", Map.of()).pool("other", 3, "b");
        // Counted: n1..n3; 1 of them down (x1, x2 down but not counted): Normal, whereas 3/5 would be Partial.
        RunResult r = ClusterSimulation.run(f.crash(CRASH, "x1", "x2", "n1").duration(SimTime.MINUTE * 5).build(), 0, true);
        assertTrue(events(r, "ZoneState").isEmpty(), events(r, "ZoneState").toString());
        assertEquals(3, tainted(r));
    }
}
