package io.nodesim.simulation;

import static io.nodesim.testing.ScenarioFixture.scenario;
import static io.nodesim.testing.ScenarioFixture.zone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Deployment spread over three zones with a hard zone constraint (maxSkew 1, DoNotSchedule)
 * loses a zone. Once the dead zone's pods are Terminating, PodTopologySpread no longer counts them
 * (countPodsMatchSelector skips a pod with a DeletionTimestamp), so that zone counts 0 and is the
 * global minimum (its tainted nodes still make it a domain: nodeTaintsPolicy defaults to Ignore):
 * a replacement in a healthy zone would give skew 2 + 1 − 0 = 3 > 1, and every replacement stays
 * Pending until the zone comes back. This is upstream's known behaviour: hard zone spreading blocks
 * rescheduling after a zone outage.
 */
class HardZoneSpreadOutageTest {
    private static final long AT = SimTime.seconds(100);
    private static final long OUTAGE = SimTime.MINUTE * 20;
    private static final long WATCH = SimTime.millis(50);
    private static final long CONTROLLER = SimTime.millis(10);
    private static final long CYCLE = SimTime.millis(2);
    private static final long BINDING = SimTime.millis(5);

    private static Scenario outage(String whenUnsatisfiable) {
        return scenario().workloadLatencies(CONTROLLER, CYCLE, BINDING).duration(SimTime.MINUTE * 40)
                .pool("node", 6, "a", "b", "c").topologySpread("topology.kubernetes.io/zone", 1, whenUnsatisfiable)
                .deployment("web", 6).fault("ZoneOutage", AT, OUTAGE, zone("a")).build();
    }

    @Test
    void hardZoneSpread_replacementsStayPendingUntilTheDeadZoneReturns_thenLandInIt() {
        RunResult r = ClusterSimulation.run(outage("DoNotSchedule"), 0, true);
        Map<String, String> zoneOf = zones(r);
        List<PodRecord> replaced = deleted(r);
        assertEquals(2, replaced.size(), "both pods of zone a (two per zone) were evicted");
        long back = r.nodes().stream().filter(n -> "a".equals(n.zone())).mapToLong(NodeRecord::readyAgainAt)
                .max().orElseThrow();
        assertTrue(back > replaced.get(1).deletedAt(), "the zone returns after the evictions");
        for (PodRecord p : replaced) {
            assertEquals("a", zoneOf.get(p.node()));
            assertEquals(p.deletedAt() + WATCH + CONTROLLER, p.replacementCreatedAt());
            assertTrue(p.replacementScheduledAt() > back,
                    p.replacementPod() + " stayed Pending while zone a was down (skew 2 + 1 - 0 > 1)");
            assertEquals("a", zoneOf.get(p.replacementNode()), "with zone a at 0 only zone a is within maxSkew");
        }
    }

    @Test
    void softZoneSpread_replacementsGoToTheHealthyZonesAtOnce() {
        RunResult r = ClusterSimulation.run(outage("ScheduleAnyway"), 0, true);
        Map<String, String> zoneOf = zones(r);
        List<PodRecord> replaced = deleted(r);
        assertEquals(2, replaced.size());
        for (PodRecord p : replaced) {
            assertEquals(p.replacementCreatedAt() + CYCLE + BINDING, p.replacementScheduledAt(), "scheduled at once");
            assertTrue(p.replacementNode() != null && !zoneOf.containsKey(p.replacementNode()),
                    "a healthy node (only zone a's nodes had a fault): " + p.replacementNode());
        }
    }

    private static List<PodRecord> deleted(RunResult r) {
        return r.pods().stream().filter(p -> p.workload().equals("web") && p.deletedAt() != SimTime.NEVER)
                .sorted(java.util.Comparator.comparingLong(PodRecord::deletedAt)).toList();
    }

    /** The zone of every node that had a fault or changed its Ready condition (nodes.csv). */
    private static Map<String, String> zones(RunResult r) {
        return r.nodes().stream().collect(Collectors.toMap(NodeRecord::node, NodeRecord::zone));
    }
}
