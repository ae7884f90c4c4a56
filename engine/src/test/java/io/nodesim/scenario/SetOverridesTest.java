package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.BASE;
import static io.nodesim.scenario.ScenarioFiles.assertError;
import static io.nodesim.scenario.ScenarioFiles.fails;
import static io.nodesim.scenario.ScenarioFiles.load;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.kernel.SimTime;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetOverridesTest {
    @TempDir
    Path dir;

    @Test
    void overridesAnExistingScalar_andRecordsItsOrigin() {
        Scenario s = load(dir, BASE, "kubeControllerManager.node-monitor-grace-period=20s", "seed=9");
        assertEquals(20 * SimTime.SECOND, s.kubeControllerManager().nodeMonitorGracePeriod());
        assertEquals(9, s.seed());
        assertEquals(new SettingOrigin("--set", "kubeControllerManager.node-monitor-grace-period=20s"),
                s.origins().get("kubeControllerManager.node-monitor-grace-period"));
        assertEquals(new SettingOrigin("--set", "seed=9"), s.origins().get("seed"));
    }

    @Test
    void createsAFieldTheFileDoesNotGive() {
        Scenario s = load(dir, BASE, "kubelet.nodeLeaseDurationSeconds=20", "latencies.watch=constant(50ms)");
        assertEquals(5 * SimTime.SECOND, s.kubelet().leaseRenewInterval());
        assertEquals(50 * SimTime.MILLISECOND, s.latencies().watch().sample(null));
    }

    @Test
    void listIndexReachesIntoManifests() {
        Scenario s = load(dir, BASE, "workloads[0].spec.replicas=50", "nodes[0].count=7");
        assertEquals(50, s.workloads().get(0).replicas());
        assertEquals(8, s.nodeCount());
        assertEquals("--set", s.origins().get("workloads[0].spec.replicas").source());
    }

    @Test
    void laterOverridesWin() {
        assertEquals(3, load(dir, BASE, "seed=2", "seed=3").seed());
    }

    @Test
    void unknownPath_isAnErrorNamingTheSetArgument() {
        ScenarioException e = fails(dir, BASE, "kubeControllerManager.node-monitor-grace=20s");
        assertError(e, 0, 0, "kubeControllerManager.node-monitor-grace", "did you mean \"node-monitor-grace-period\"?");
        assertEquals("--set kubeControllerManager.node-monitor-grace=20s", e.file());
        assertError(fails(dir, BASE, "workloads[0].spec.replicaz=5"), 0, 0, "workloads[0].spec.replicaz",
                "did you mean \"replicas\"?");
    }

    @Test
    void badIndex_badValue_badSyntax() {
        assertError(fails(dir, BASE, "workloads[4].spec.replicas=2"), 0, 0, "workloads[4]",
                "index out of range: workloads has 1 item");
        assertError(fails(dir, BASE, "kubernetesVersion[0]=2"), 0, 0, "kubernetesVersion", "not a list");
        assertError(fails(dir, BASE, "kubeControllerManager.node-monitor-period=soon"), 0, 0,
                "kubeControllerManager.node-monitor-period", "expected a duration");
        assertError(fails(dir, BASE, "seed"), 0, 0, "", "expected PATH=VALUE");
        assertError(fails(dir, BASE, "a..b=1"), 0, 0, "a..b", "malformed path");
    }
}
