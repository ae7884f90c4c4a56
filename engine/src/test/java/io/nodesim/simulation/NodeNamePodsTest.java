package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Taint;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.workloads.PodGarbageCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bare Pod whose spec.nodeName names a node that joins later: the API server accepts it, the
 * scheduler never sees it, the node's kubelet starts it when it registers (pkg/kubelet/config
 * watches spec.nodeName), and until then pod GC treats it as an orphan (gc_controller.go
 * gcOrphaned, TestGCOrphaned "pods bound to non-existing node get deleted after quarantine").
 */
class NodeNamePodsTest {
    private static final DurationDistribution READY_AFTER = DurationDistribution.constant(SimTime.seconds(10));

    private static int podIndex(ClusterSimulation sim, String name) {
        var pods = sim.cluster().pods();
        for (int p = 0; p < pods.count(); p++) {
            if (pods.name(p).equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no pod " + name);
    }

    @Test
    void nodeJoinsWithinTheQuarantine_podBoundWhenTheNodeIsCreated() {
        long join = SimTime.seconds(30);
        ClusterSimulation sim = new ClusterSimulation(scenario().pool("w", 2, "a").joiningNode("late", "a", join, READY_AFTER)
                .barePod("p1", "late").duration(SimTime.seconds(200)).build(), 0, true);
        RunResult r = sim.run();
        assertEquals(List.of(new EventRecord(join, "PodScheduled", "p1", "late")), events(r, "PodScheduled"));
        int p = podIndex(sim, "p1");
        assertEquals(sim.cluster().nodeIndex("late"), sim.cluster().pods().node(p));
        assertTrue(!sim.cluster().pods().isDeleted(p), "runs on its node");
    }

    @Test
    void nodeJoinsAfterTheQuarantine_podGcForceDeletesTheOrphan() {
        for (int k = 0; k < 5; k++) {
            ClusterSimulation sim = new ClusterSimulation(scenario().pool("w", 2, "a")
                    .joiningNode("late", "a", SimTime.MINUTE * 5, READY_AFTER)
                    .barePod("p1", "late").duration(SimTime.MINUTE * 6).build(), k, true);
            RunResult r = sim.run();
            List<EventRecord> deleted = events(r, "PodDeleted");
            assertEquals(1, deleted.size());
            EventRecord e = deleted.get(0);
            assertEquals("p1", e.object());
            assertEquals("PodGC: node no longer exists", e.detail());
            // First pass in [0, 20 s) starts the quarantine; the first pass after 40 s deletes.
            assertTrue(e.time() >= PodGarbageCollector.QUARANTINE
                    && e.time() < PodGarbageCollector.QUARANTINE + 2 * PodGarbageCollector.PERIOD, "at " + e.time());
            assertTrue(events(r, "PodScheduled").isEmpty(), "never placed");
            assertTrue(sim.cluster().pods().isGone(podIndex(sim, "p1")));
        }
    }

    /** The joining node carries a NoExecute taint the pod does not tolerate: bound, then evicted one watch later. */
    @Test
    void joiningTaintedNode_podBoundThenEvicted() {
        long join = SimTime.seconds(20);
        RunResult r = ClusterSimulation.run(scenario().pool("w", 2, "a")
                .joiningTaintedNode("late", "a", join, READY_AFTER, new Taint("NoExecute", "dedicated", null, "db"))
                .barePod("p1", "late").duration(SimTime.seconds(100)).build(), 0, true);
        assertEquals(join, events(r, "PodScheduled").get(0).time());
        assertEquals(List.of(new EventRecord(join + SimTime.millis(50), "PodDeleted", "p1", "TaintManagerEviction")),
                events(r, "PodDeleted"));
    }
}
