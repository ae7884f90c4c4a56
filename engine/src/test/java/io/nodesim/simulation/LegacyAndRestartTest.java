package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.pod;
import static io.nodesim.simulation.SimAssertions.podOf;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.FaultTarget;
import org.junit.jupiter.api.Test;

/** Spec §1.10 (legacy pod-eviction-timeout path) and §1.11 (controller-manager restart). */
class LegacyAndRestartTest {
    private static final long CRASH = SimTime.seconds(100);

    @Test
    void legacy112_evictsAtProbePlusTimeout_notFiveMinutesForty() {
        var s = scenario().version("1.12").statusFrequency(SimTime.seconds(4)).deployment("web", 10).daemonSet("agent")
                .crash(CRASH, "node-3").duration(SimTime.MINUTE * 8).build();
        double sum = 0;
        int runs = 100;
        for (int k = 0; k < runs; k++) {
            ClusterSimulation sim = new ClusterSimulation(s, k, k == 0);
            RunResult r = sim.run();
            long probe = sim.nodeLifecycle().probeTimestamp(sim.cluster().nodeIndex("node-3"));
            long deleted = podOf(r, "web", "node-3").deletedAt();
            long afterProbe = deleted - probe;
            assertTrue(afterProbe > SimTime.seconds(300)
                    && afterProbe <= SimTime.seconds(305) + SimTime.millis(20) + SimTime.millis(100), "after probe " + afterProbe);
            assertEquals(SimTime.NEVER, pod(r, "agent-node-3").deletedAt(), "DaemonSet pods are not evicted");
            assertEquals(SimTime.NEVER, node(r, "node-3").noExecuteTaintAt(), "no taints on the legacy path");
            sum += SimTime.toSeconds(deleted - CRASH);
        }
        double mean = sum / runs;
        // The first pass strictly after probe + 300 s is 60 passes of P + ε after the probe (301.2 s),
        // the probe trails the last status post by λ + write + U(0, P + ε), the post precedes the
        // crash by U(0, F), the queue tick adds U(0, 0.1): mean ≈ 301.2 + 0.055 + 2.51 − 2 + 0.05.
        // The folk "G + timeout" would be 340 s.
        assertEquals(301.815, mean, 0.5);
    }

    @Test
    void legacyPath_enableTaintManagerFalse_onTaintEraVersion() {
        var s = scenario().version("1.24").taintManager(false).deployment("web", 10).crash(CRASH, "node-3")
                .duration(SimTime.MINUTE * 8).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, false);
        RunResult r = sim.run();
        long probe = sim.nodeLifecycle().probeTimestamp(sim.cluster().nodeIndex("node-3"));
        assertTrue(podOf(r, "web", "node-3").deletedAt() - probe > SimTime.seconds(300));
        assertEquals(SimTime.NEVER, node(r, "node-3").noExecuteTaintAt());
    }

    @Test
    void restartBeforeDetection_needsAFullGraceAfterTheRestart() {
        long restart = CRASH + SimTime.seconds(30);
        var s = scenario().deployment("web", 10).crash(CRASH, "node-3")
                .fault("ControllerManagerRestart", restart, SimTime.NEVER, FaultTarget.all())
                .duration(SimTime.MINUTE * 5).build();
        for (int k = 0; k < 20; k++) {
            ClusterSimulation sim = new ClusterSimulation(s, k, false);
            NodeRecord n = node(sim.run(), "node-3");
            long leading = sim.controllerManager().leadingSince();
            assertTrue(n.unknownAt() > leading + SimTime.seconds(50), "Unknown at " + n.unknownAt());
            assertTrue(n.unknownAt() <= leading + SimTime.seconds(55) + SimTime.millis(300));
        }
    }

    @Test
    void restartAfterTaint_tolerationStartsAgain() {
        long restart = CRASH + SimTime.seconds(200);
        long downtime = SimTime.seconds(15);
        var s = scenario().deployment("web", 10).crash(CRASH, "node-3")
                .fault("ControllerManagerRestart", restart, downtime, FaultTarget.all())
                .duration(SimTime.MINUTE * 12).build();
        RunResult r = ClusterSimulation.run(s, 0, true);
        long firstTaint = node(r, "node-3").noExecuteTaintAt();
        assertTrue(firstTaint < restart);
        long deleted = podOf(r, "web", "node-3").deletedAt();
        // The new instance strips the taint of every newly seen node, re-queues it at once and the
        // taint-eviction controller counts τ again from then.
        assertTrue(deleted >= restart + downtime + SimTime.seconds(300), "deleted at " + deleted);
        assertTrue(events(r, "TaintAdded").stream().filter(e -> e.detail().endsWith("unreachable:NoExecute")).count() == 2);
    }

    /**
     * node_lifecycle_controller.go: no instance takes node updates while none runs, and the new one's
     * node informer queues every node it lists ({@code AddFunc} → {@code nodeUpdateQueue.Add}) for
     * {@code doNoScheduleTaintingPass}: a node that turned Ready=False in between is tainted
     * not-ready:NoSchedule when the new instance starts leading, by the first of its 8 workers.
     */
    @Test
    void readyFalseWhileNoInstanceRuns_isTaintedNoScheduleWhenTheNewInstanceStarts() {
        long restart = SimTime.MINUTE;
        var s = scenario().deployment("web", 10)
                .fault("ControllerManagerRestart", restart, SimTime.seconds(60), FaultTarget.all())
                .fault("RuntimeDown", restart + SimTime.seconds(5), SimTime.NEVER,
                        io.nodesim.testing.ScenarioFixture.nodes("node-3"), java.util.Map.of())
                .duration(SimTime.MINUTE * 5).build();
        for (int k = 0; k < 5; k++) {
            ClusterSimulation sim = new ClusterSimulation(s, k, true);
            RunResult r = sim.run();
            long leading = sim.controllerManager().leadingSince();
            long readyFalse = events(r, "NodeReadyFalse").stream().filter(e -> e.object().equals("node-3"))
                    .mapToLong(io.nodesim.metrics.EventRecord::time).min().orElseThrow();
            assertTrue(readyFalse < leading, "Ready=False posted at " + readyFalse + ", leading from " + leading);
            // a GET and a PATCH with tokens to spare: sent at once, applied when the write lands
            long taint = node(r, "node-3").noScheduleTaintAt();
            assertTrue(taint >= leading && taint <= leading + SimTime.seconds(1),
                    "not-ready:NoSchedule at " + taint + ", leading from " + leading);
        }
    }
}
