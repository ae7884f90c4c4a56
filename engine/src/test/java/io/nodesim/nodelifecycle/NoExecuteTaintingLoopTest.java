package io.nodesim.nodelifecycle;

import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.simulation.ClusterSimulation;
import org.junit.jupiter.api.Test;

/**
 * {@code wait.Until(doNoExecuteTaintingPass, 100 ms)} keeps its grid while it has nothing to do:
 * the loop skips the passes on empty queues, and the taint of a node queued hours later still lands
 * on a pass of the same 100 ms grid, at the first after the pass that queued it. The grid is that of
 * the passes' ends ({@code JitterUntil} with sliding periods): a pass held by its write moves it.
 */
class NoExecuteTaintingLoopTest {
    private static final long PERIOD = ZoneTaintingWorker.PERIOD;

    private static NodeRecord node(RunResult r, String name) {
        return r.nodes().stream().filter(n -> n.node().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void taintsHoursApart_landOnOneHundredMillisecondGrid_theFirstTickAfterTheQueueingPass() {
        var s = scenario().version("1.35").pool("node", 6, "a").deployment("web", 6)
                .crash(SimTime.MINUTE * 10, "node-1").crash(SimTime.HOUR * 3 + SimTime.millis(3_217), "node-2")
                .duration(SimTime.HOUR * 4).build();
        ClusterSimulation sim = new ClusterSimulation(s, 0, false);
        RunResult r = sim.run();
        NodeRecord first = node(r, "node-1");
        NodeRecord second = node(r, "node-2");
        assertEquals(0, (second.noExecuteTaintAt() - first.noExecuteTaintAt()) % PERIOD,
                "one grid: " + first.noExecuteTaintAt() + ", " + second.noExecuteTaintAt());
        for (NodeRecord n : new NodeRecord[] {first, second}) {
            long wait = n.noExecuteTaintAt() - n.unknownAt();
            assertTrue(wait >= 0 && wait < PERIOD, "1.34+ queues in the Unknown pass; tainted " + wait + " us later");
        }
        // Four hours of a 100 ms loop are 144,000 ticks; the idle loop fires a handful.
        assertTrue(r.eventsFired() < 144_000, "events fired: " + r.eventsFired());
    }

    /**
     * At 4 qps with a burst of 1 each taint write is a GET at once and a PATCH 250 ms later, which
     * holds the pass: the loop's grid is then the PATCH's time, and the taint written hours later,
     * 250 ms after a pass of that grid, is a whole number of periods plus 250 ms after the first.
     */
    @Test
    void aPassHeldByItsWrite_movesTheGridToItsEnd_whichTheIdleLoopResumesOnHoursLater() {
        var s = scenario().version("1.33").kubeApi(4, 1).pool("node", 6, "a").deployment("web", 6)
                .crash(SimTime.MINUTE * 10, "node-1").crash(SimTime.HOUR * 3 + SimTime.millis(3_217), "node-2")
                .duration(SimTime.HOUR * 4).build();
        RunResult r = new ClusterSimulation(s, 0, false).run();
        long apart = node(r, "node-2").noExecuteTaintAt() - node(r, "node-1").noExecuteTaintAt();
        assertEquals(0, (apart - SimTime.millis(250)) % PERIOD, "taints " + apart + " us apart");
    }
}
