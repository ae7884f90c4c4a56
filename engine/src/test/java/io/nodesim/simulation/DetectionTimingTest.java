package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.podsOn;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.testing.ScenarioFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §1.1–§1.3: heartbeats, probe timestamps, the strict staleness test and the detecting pass. */
class DetectionTimingTest {
    private static final long CRASH = SimTime.seconds(100);

    /** Time to Unknown over 500 replications (each replication draws new lease and pass phases). */
    private static double[] timesToUnknown(ScenarioFixture f, int replications) {
        var s = f.deployment("web", 10).crash(CRASH, "node-3").duration(SimTime.seconds(200)).build();
        double[] t = new double[replications];
        for (int k = 0; k < replications; k++) {
            RunResult r = new ClusterSimulation(s, k, false).run();
            t[k] = SimTime.toSeconds(node(r, "node-3").unknownAt() - CRASH);
        }
        return t;
    }

    private static void assertWindowAndMean(double[] t, double g, double r, double p, double meanR) {
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double v : t) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / t.length;
        // (G − R, G + P] widened by the latencies (λ + write + ε < 0.5 s), the spec's ±0.5 s.
        assertTrue(min > g - meanR * 1.04 - 0.5, "min " + min);
        assertTrue(max <= g + p + 0.5, "max " + max);
        assertEquals(g - meanR / 2 + p / 2, mean, 1.0, "mean time to Unknown");
        // The window is really used: not a constant.
        assertTrue(max - min > 0.7 * (r + p), "spread " + (max - min));
    }

    @Test
    void timeToUnknown_withinGMinusRToGPlusP_meanGMinusHalfRPlusHalfP_from132() {
        assertWindowAndMean(timesToUnknown(scenario().version("1.35"), 500), 50, 10, 5, 10.2);
    }

    @Test
    void timeToUnknown_grace40_before132() {
        assertWindowAndMean(timesToUnknown(scenario().version("1.31"), 500), 40, 10, 5, 10.2);
    }

    @Test
    void timeToUnknown_statusIsTheHeartbeat_withoutLease_112() {
        // 1.12: no Lease, NodeStatus every 4 s is the heartbeat (the seed's numbers).
        double[] t = timesToUnknown(scenario().version("1.12").statusFrequency(SimTime.seconds(4)), 300);
        assertWindowAndMean(t, 40, 4, 5, 4.0);
    }

    /** An idealised clock (ε = 0, λ = 0, writes 0, no jitter): strict > pushes Unknown to probe + G + P. */
    @Test
    void staleness_strictGreaterThan_idealClockFiresOnePassAfterGrace() {
        var s = scenario().version("1.31").leaseJitter(false).watch(DurationDistribution.constant(0))
                .monitorPass(DurationDistribution.constant(0)).writes(DurationDistribution.constant(0))
                .deployment("web", 10).crash(CRASH, "node-3").duration(SimTime.seconds(300)).build();
        for (int k = 0; k < 20; k++) {
            ClusterSimulation sim = new ClusterSimulation(s, k, false);
            RunResult r = sim.run();
            long probe = sim.nodeLifecycle().probeTimestamp(sim.cluster().nodeIndex("node-3"));
            assertEquals(probe + SimTime.seconds(40) + SimTime.seconds(5), node(r, "node-3").unknownAt(),
                    "replication " + k);
        }
    }

    /** With ε > 0 the passes drift and Unknown comes at the first pass strictly after probe + G. */
    @Test
    void staleness_withPassDuration_firstPassAfterProbePlusGrace() {
        var s = scenario().version("1.31").deployment("web", 10).crash(CRASH, "node-3")
                .duration(SimTime.seconds(300)).build();
        for (int k = 0; k < 20; k++) {
            ClusterSimulation sim = new ClusterSimulation(s, k, false);
            RunResult r = sim.run();
            long probe = sim.nodeLifecycle().probeTimestamp(sim.cluster().nodeIndex("node-3"));
            long step = SimTime.seconds(5) + SimTime.millis(20);
            long unknown = node(r, "node-3").unknownAt();
            assertEquals(0, (unknown - probe) % step, "passes are P + ε apart");
            assertTrue(unknown > probe + SimTime.seconds(40) && unknown - step <= probe + SimTime.seconds(40));
        }
    }

    @Test
    void detectingPass_marksPodsNotReady_thenNoScheduleAfterWatchDelay() {
        var s = scenario().deployment("web", 20).crash(CRASH, "node-3").duration(SimTime.seconds(300)).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        NodeRecord n = node(r, "node-3");
        assertEquals(n.unknownAt() + SimTime.millis(50), n.noScheduleTaintAt());
        var pods = podsOn(r, "node-3");
        assertEquals(2, pods.size());
        for (PodRecord p : pods) {
            assertEquals(n.unknownAt(), p.notReadyAt());
        }
        assertEquals(1, SimAssertions.events(r, "NodeReadyUnknown").size());
    }

    /**
     * events.csv names the probe timestamp the Unknown decision was based on: tryUpdateNodeHealth
     * (node_lifecycle_controller.go) writes Unknown at the first pass with now > probeTimestamp +
     * node-monitor-grace-period (TestMonitorNodeHealthUpdateStatus "Node created long time ago,
     * without status: By default, NodeReady condition should be Unknown ... after grace period").
     */
    @Test
    void unknownEvent_namesTheProbeTimestamp_ofTheDecision() {
        var s = scenario().deployment("web", 10).crash(CRASH, "node-3").duration(SimTime.seconds(200)).build();
        for (int k = 0; k < 5; k++) {
            ClusterSimulation sim = new ClusterSimulation(s, k, true);
            RunResult r = sim.run();
            long probe = sim.nodeLifecycle().probeTimestamp(sim.cluster().nodeIndex("node-3"));
            long unknown = node(r, "node-3").unknownAt();
            long step = SimTime.seconds(5) + SimTime.millis(20);
            assertTrue(probe <= CRASH + step && probe > CRASH - SimTime.seconds(11) - step, "last heartbeat seen: " + probe);
            assertTrue(unknown > probe + SimTime.seconds(50) && unknown - step <= probe + SimTime.seconds(50));
            assertEquals(List.of(new EventRecord(unknown, "NodeReadyUnknown", "node-3",
                    "NodeNotReady probeTimestamp=" + SimTime.formatSeconds(probe))),
                    SimAssertions.events(r, "NodeReadyUnknown"));
        }
    }

    /** NoExecute taint time minus Unknown time, over 20 replications, stays within [low, high]. */
    private static void assertNoExecuteDelay(String version, long low, long high) {
        var s = scenario().version(version).deployment("web", 10).crash(CRASH, "node-3")
                .duration(SimTime.seconds(300)).build();
        for (int k = 0; k < 20; k++) {
            NodeRecord n = node(new ClusterSimulation(s, k, false).run(), "node-3");
            long delay = n.noExecuteTaintAt() - n.unknownAt();
            assertTrue(delay >= low && delay <= high, "delay " + delay);
        }
    }

    @Test
    void noExecuteTaint_queuedOnNextPass_before134() {
        long nextPass = SimTime.seconds(5) + SimTime.millis(20);
        assertNoExecuteDelay("1.33", nextPass, nextPass + SimTime.millis(100));
    }

    @Test
    void noExecuteTaint_queuedInSamePass_from134() {
        assertNoExecuteDelay("1.34", 0, SimTime.millis(100));
    }

    @Test
    void healthyCluster_neverUnknown_leaseAloneKeepsNodesReady() {
        // Status posts only every 5 min (> G): the lease alone must keep every node Ready (case 27).
        var s = scenario().pool("node", 50, "a", "b").deployment("web", 50).duration(SimTime.MINUTE * 20).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        assertTrue(r.nodes().isEmpty(), "no node changed: " + r.nodes());
        assertEquals(0, r.metrics().get("false_evictions")[0]);
    }
}
