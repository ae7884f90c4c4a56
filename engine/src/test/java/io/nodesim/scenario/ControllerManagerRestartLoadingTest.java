package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.assertError;
import static io.nodesim.scenario.ScenarioFiles.edit;
import static io.nodesim.scenario.ScenarioFiles.fails;
import static io.nodesim.scenario.ScenarioFiles.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.simulation.ClusterSimulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ControllerManagerRestart takes its downtime; the leader-elect flags decide when the new instance leads. */
class ControllerManagerRestartLoadingTest {
    private static final String FAULT = "      nodes: [w-1]\n";
    private static final String RESTART = FAULT + "    - at: 2m\n      type: ControllerManagerRestart\n      duration: 30s\n";
    private static final long RESTART_AT = SimTime.MINUTE * 2;

    @TempDir
    Path dir;

    private long leadingSince(Scenario s) {
        ClusterSimulation sim = new ClusterSimulation(s, 0, false);
        sim.run();
        return sim.controllerManager().leadingSince();
    }

    @Test
    void aDuration_isTheDowntime_andTheNewProcessLeadsOneLeaseDurationAfterItStarts() {
        Scenario s = load(dir, edit(FAULT, RESTART));
        assertEquals(SimTime.seconds(30), s.faults().get(1).duration());
        assertEquals(SimTime.seconds(15), s.kubeControllerManager().leaderElectLeaseDuration());
        assertEquals(SimTime.seconds(10), s.kubeControllerManager().leaderElectRenewDeadline());
        assertEquals(SimTime.seconds(2), s.kubeControllerManager().leaderElectRetryPeriod());
        long leading = leadingSince(s);
        // Starts at 2m30s; its tries are 2 s × (1 + 1.2u) apart; it leads at the first at or after 2m45s.
        assertTrue(leading >= RESTART_AT + SimTime.seconds(45) && leading < RESTART_AT + SimTime.seconds(45) + SimTime.millis(4400),
                "leading at " + leading);
    }

    @Test
    void withoutLeaderElection_theControllersRunWhenTheDowntimeEnds() {
        Scenario s = load(dir, edit(FAULT, RESTART), "kubeControllerManager.leader-elect=false");
        assertEquals(RESTART_AT + SimTime.seconds(30), leadingSince(s));
    }

    @Test
    void aLeaseDurationNotAboveTheRenewDeadline_isRefusedAsClientGoDoes() {
        ScenarioException e = fails(dir, edit("    node-monitor-grace-period: 50s\n",
                "    node-monitor-grace-period: 50s\n    leader-elect-lease-duration: 10s\n"));
        assertError(e, 9, -1, e.path(), "leader-elect-lease-duration must be greater than leader-elect-renew-deadline");
        assertTrue(e.path().endsWith("leader-elect-lease-duration"), e.path());
    }

    @Test
    void aRenewDeadlineNotAbove1point2RetryPeriods_isRefused() {
        ScenarioException e = fails(dir, edit("    node-monitor-grace-period: 50s\n",
                "    node-monitor-grace-period: 50s\n    leader-elect-retry-period: 9s\n"));
        assertError(e, 9, -1, e.path(), "greater than 1.2 × leader-elect-retry-period");
    }

    @Test
    void kubeApiQpsAndBurst_defaultTo20And30_andAreSettable() {
        Scenario s = load(dir, edit(FAULT, RESTART));
        assertEquals(20, s.kubeControllerManager().kubeApiQps());
        assertEquals(30, s.kubeControllerManager().kubeApiBurst());
        Scenario set = load(dir, edit(FAULT, RESTART), "kubeControllerManager.kube-api-qps=50",
                "kubeControllerManager.kube-api-burst=100");
        assertEquals(50, set.kubeControllerManager().kubeApiQps());
        assertEquals(100, set.kubeControllerManager().kubeApiBurst());
    }

    @Test
    void kubeApiQpsZero_andBurstZero_areRefused() {
        ScenarioException qps = fails(dir, edit("    node-monitor-grace-period: 50s\n",
                "    node-monitor-grace-period: 50s\n    kube-api-qps: 0\n"));
        assertError(qps, 9, -1, "kubeControllerManager.kube-api-qps", "must be greater than 0");
        ScenarioException burst = fails(dir, edit("    node-monitor-grace-period: 50s\n",
                "    node-monitor-grace-period: 50s\n    kube-api-burst: 0\n"));
        assertError(burst, 9, -1, "kubeControllerManager.kube-api-burst", "expected an integer");
    }
}
