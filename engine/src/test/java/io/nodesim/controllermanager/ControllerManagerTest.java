package io.nodesim.controllermanager;

import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.cluster.ClusterState;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.PodRecord;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.metrics.RunResult;
import io.nodesim.testing.ScenarioFixture;
import io.nodesim.simulation.ClusterSimulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerManagerTest {
    @Test
    void everyControllerOfARun_isRegisteredOnce_inStartOrder() {
        ClusterSimulation sim = new ClusterSimulation(scenario().deployment("web", 3).build(), 0, false);
        assertEquals(List.of("node-lifecycle-controller", "taint-eviction-controller", "pod-garbage-collector-controller",
                "replicaset-controller", "statefulset-controller", "daemonset-controller"),
                sim.controllerManager().controllers().stream().map(Controller::name).toList());
    }

    @Test
    void aControllerManagerRestart_restartsEveryController_inOrder_withTheDowntime() {
        ClusterState cluster = new ClusterSimulation(scenario().build(), 0, false).cluster();
        List<String> told = new ArrayList<>();
        new ControllerManager(cluster, List.of(recording("a", told), recording("b", told)),
                new LeaderElection(false, 0, 1), null);
        cluster.controlPlane().restartControllerManager(5, 10);
        assertEquals(List.of("a 5+10", "b 5+10"), told);
    }

    @Test
    void aReplacementDueDuringTheDowntime_isCreatedWhenTheNewInstanceStarts() {
        long watch = SimTime.millis(50);
        long controller = SimTime.millis(20);
        long taint = SimTime.MINUTE;
        java.util.function.Function<Long, ScenarioFixture> base = restartAt -> {
            ScenarioFixture f = scenario().pool("node", 3, "a").deployment("web", 3)
                    .watch(DurationDistribution.constant(watch)).workloadLatencies(controller, SimTime.millis(1), SimTime.millis(1))
                    .fault("OutOfServiceTaint", taint, SimTime.NEVER, ScenarioFixture.nodes("node-1"))
                    .duration(SimTime.MINUTE * 5);
            return restartAt == null ? f : f.fault("ControllerManagerRestart", restartAt, SimTime.seconds(60), FaultTarget.all());
        };
        PodRecord evicted = evicted(ClusterSimulation.run(base.apply(null).build(), 0, false));
        assertEquals(evicted.deletedAt() + watch + controller, evicted.replacementCreatedAt(), "without a restart");
        long restart = evicted.deletedAt() + SimTime.millis(10);
        ClusterSimulation restarted = new ClusterSimulation(base.apply(restart).build(), 0, false);
        PodRecord late = evicted(restarted.run());
        assertEquals(evicted.deletedAt(), late.deletedAt());
        // The new process starts after its 60 s downtime and leads once it has seen the Lease unchanged
        // for leader-elect-lease-duration (15 s), at a retry 2 s × (1 + 1.2u) apart.
        long leading = restarted.controllerManager().leadingSince();
        assertTrue(leading >= restart + SimTime.seconds(75) && leading < restart + SimTime.seconds(75) + SimTime.millis(4400),
                "leading at " + leading);
        assertEquals(leading + controller, late.replacementCreatedAt());
    }

    private static PodRecord evicted(RunResult r) {
        return r.pods().stream().filter(p -> p.node().equals("node-1") && p.deletedAt() != SimTime.NEVER).findFirst()
                .orElseThrow();
    }

    private static Controller recording(String name, List<String> told) {
        return new Controller() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void restart(long now, long downtime) {
                told.add(name + " " + now + "+" + downtime);
            }
        };
    }
}
