package io.nodesim.controllermanager;

import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.cluster.ClusterState;
import io.nodesim.simulation.ClusterSimulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerManagerTest {
    @Test
    void everyControllerOfARun_isRegisteredOnce_inStartOrder() {
        ClusterSimulation sim = new ClusterSimulation(scenario().deployment("web", 3).build(), 0, false);
        assertEquals(List.of("node-lifecycle-controller", "taint-eviction-controller", "pod-garbage-collector-controller",
                "replicaset-controller", "statefulset-controller"),
                sim.controllerManager().controllers().stream().map(Controller::name).toList());
    }

    @Test
    void aControllerManagerRestart_restartsEveryController_inOrder_withTheDowntime() {
        ClusterState cluster = new ClusterSimulation(scenario().build(), 0, false).cluster();
        List<String> told = new ArrayList<>();
        new ControllerManager(cluster, List.of(recording("a", told), recording("b", told)));
        cluster.controlPlane().restartControllerManager(5, 10);
        assertEquals(List.of("a 5+10", "b 5+10"), told);
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
