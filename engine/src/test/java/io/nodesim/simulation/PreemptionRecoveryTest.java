package io.nodesim.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.cluster.PodTable;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.metrics.WorkloadRecord;
import io.nodesim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scenarios/no-room.yaml end to end: a full cluster loses zone a; the checkout replacements (a
 * higher PriorityClass) preempt one batch pod each, whose 60 s grace period they wait out on their
 * nominated node; the batch pods (globalDefault class, preemptionPolicy Never) wait for the zone.
 */
class PreemptionRecoveryTest {
    private static final Path NO_ROOM = Path.of("..", "scenarios", "no-room.yaml");
    private static final long ZONE_BACK = SimTime.MINUTE * 25;
    private static final long GRACE = SimTime.seconds(60);

    @TempDir
    Path dir;


    private static Map<String, Integer> byName(PodTable pods) {
        Map<String, Integer> out = new HashMap<>();
        for (int p = 0; p < pods.count(); p++) {
            out.put(pods.name(p), p);
        }
        return out;
    }

    @Test
    void checkoutPreemptsOneBatchPodPerReplacement_andBindsWhereItsVictimWas_afterTheGracePeriod() {
        ClusterSimulation sim = new ClusterSimulation(ScenarioLoader.load(NO_ROOM), 0, true);
        RunResult r = sim.run();
        PodTable pods = sim.cluster().pods();
        Map<String, Integer> id = byName(pods);
        List<EventRecord> preempted = r.events().stream().filter(e -> e.kind().equals("PodPreempted")).toList();
        assertEquals(4, preempted.size(), "one victim per checkout replacement");
        for (EventRecord e : preempted) {
            int victim = id.get(e.object());
            int preemptor = id.get(e.detail());
            assertTrue(e.object().startsWith("batch-") && e.detail().startsWith("checkout-"), e.toString());
            assertEquals(e.time(), pods.deletedAt(victim), "deleted when it was chosen");
            long terminating = pods.goneAt(victim) - pods.deletedAt(victim);
            assertTrue(terminating >= GRACE && terminating < GRACE + SimTime.seconds(1),
                    "a watch delay and the whole terminationGracePeriodSeconds: " + terminating);
            assertFalse(pods.falseEviction(victim), "preemption is no false eviction");
            assertEquals(pods.node(victim), pods.node(preemptor), "bound to its nominated node");
            assertTrue(pods.scheduledAt(preemptor) > pods.goneAt(victim), "bound once the victim is gone");
        }
        for (int p = 0; p < pods.count(); p++) {
            if (pods.name(p).startsWith("batch-") && pods.createdAt(p) != SimTime.NEVER) {
                assertTrue(pods.scheduledAt(p) >= ZONE_BACK, pods.name(p)
                        + " (preemptionPolicy Never, lowest priority) waited for zone a, even beside the victims' room");
            }
        }
        WorkloadRecord checkout = workload(r, "checkout");
        assertTrue(checkout.fullyReadyAgainAt() < SimTime.seconds(800), "checkout whole again long before the zone");
        assertTrue(workload(r, "batch").fullyReadyAgainAt() > ZONE_BACK, "batch whole again only after the zone");
    }

    @Test
    void withoutThePriorityClass_checkoutWaitsForTheZoneLikeTheBatchWork() throws IOException {
        String text = Files.readString(NO_ROOM).replace("            priorityClassName: checkout-critical\n", "");
        Path f = dir.resolve("no-room.yaml");
        Files.writeString(f, text);
        ClusterSimulation sim = new ClusterSimulation(ScenarioLoader.load(f), 0, true);
        RunResult r = sim.run();
        assertTrue(r.events().stream().noneMatch(e -> e.kind().equals("PodPreempted")), "equal priorities: no victims");
        assertTrue(workload(r, "checkout").fullyReadyAgainAt() > ZONE_BACK);
    }

    private static WorkloadRecord workload(RunResult r, String name) {
        return r.workloads().stream().filter(w -> w.workload().equals(name)).findFirst().orElseThrow();
    }
}
