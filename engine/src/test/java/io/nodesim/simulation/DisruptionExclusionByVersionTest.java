package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.RunResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which nodes the zone counts leave out, by release: a node named as a master before 1.21
 * ({@code legacyIsMasterNode}, LegacyNodeRoleBehavior locked off in 1.21) and a node labelled
 * {@code node.kubernetes.io/exclude-disruption} from 1.19 (NodeDisruptionExclusion beta).
 */
class DisruptionExclusionByVersionTest {
    private static final long CRASH = SimTime.seconds(100);

    /** A master and one worker in one zone; the worker, holding the pods, crashes. */
    private static RunResult masterAndWorker(String version) {
        var s = scenario().version(version).node("k8s-master", "a", Map.of()).node("worker", "a", Map.of())
                .barePod("web", "worker").crash(CRASH, "worker").duration(SimTime.MINUTE * 15).build();
        return ClusterSimulation.run(s, 0, true);
    }

    /**
     * TestMonitorNodeHealthEvictPodsWithDisruption, "NetworkDisruption: eviction should stop, only
     * -master Node is healthy": the master is not counted, so the zone is only the dead worker, Full,
     * and with every zone Full the controller enters master disruption mode and never evicts.
     */
    @Test
    void before121_aMasterNamedNodeIsNotCounted_theWorkersDeathIsMasterDisruption_noEviction() {
        for (String version : new String[] {"1.12", "1.16", "1.20"}) {
            RunResult r = masterAndWorker(version);
            assertEquals(1, events(r, "DisruptionModeEntered").size(), version);
            assertEquals(0, r.metrics().get("time_to_pod_deletion").length, version + ": nothing evicted");
        }
    }

    @Test
    void from121_theMasterIsCounted_theZoneIsNormal_andTheWorkersPodIsEvicted() {
        RunResult r = masterAndWorker("1.21");
        assertTrue(events(r, "DisruptionModeEntered").isEmpty());
        assertEquals(1, r.metrics().get("time_to_pod_deletion").length, "the pod on the dead worker is deleted");
    }

    @Test
    void legacyIsMasterNode_matchesMasterOrMasterDashThreeCharacters() {
        assertTrue(io.nodesim.nodelifecycle.DisruptionExclusionProbe.isMaster("k8s-master"));
        assertTrue(io.nodesim.nodelifecycle.DisruptionExclusionProbe.isMaster("kubernetes-master-abc"));
        assertTrue(io.nodesim.nodelifecycle.DisruptionExclusionProbe.isMaster("master"));
        assertEquals(false, io.nodesim.nodelifecycle.DisruptionExclusionProbe.isMaster("master-1"));
        assertEquals(false, io.nodesim.nodelifecycle.DisruptionExclusionProbe.isMaster("k8s-master-1"));
        assertEquals(false, io.nodesim.nodelifecycle.DisruptionExclusionProbe.isMaster("master-node"));
    }

    /** Before 1.19 the label is not honoured (NodeDisruptionExclusion alpha, off): 3 of 5 down is Partial. */
    @Test
    void before119_theExclusionLabelIsIgnored() {
        Map<String, String> excluded = Map.of("node.kubernetes.io/exclude-disruption", "");
        var f = scenario().version("1.18");
        f.node("x1", "a", excluded).node("x2", "a", excluded).node("n1", "a", Map.of()).node("n2", "a", Map.of())
                .node("n3", "a", Map.of()).pool("other", 3, "b");
        RunResult r = ClusterSimulation.run(f.crash(CRASH, "x1", "x2", "n1").duration(SimTime.MINUTE * 5).build(), 0,
                true);
        assertEquals("PartialDisruption", events(r, "ZoneState").get(0).detail());
    }
}
