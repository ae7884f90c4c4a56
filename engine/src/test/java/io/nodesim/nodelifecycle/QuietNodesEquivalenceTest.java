package io.nodesim.nodelifecycle;

import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static io.nodesim.testing.ScenarioFixture.zone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.testing.UnboundedDistribution;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.simulation.ClusterSimulation;
import io.nodesim.testing.ScenarioFixture;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Passing over quiet nodes changes nothing: each scenario runs twice with the same draws, once
 * with latencies declared bounded (monitor passes pass over healthy nodes and work their probe
 * timestamps out later; healthy renewals are skimmed) and once declared unbounded (every pass
 * looks at every node, every renewal is walked one by one), and every event, node, pod and
 * workload record must be the same. The faults cover each way a node stops being quiet.
 */
class QuietNodesEquivalenceTest {
    private static final long AT = SimTime.MINUTE * 20;
    private static final DurationDistribution WATCH = DurationDistribution.uniform(SimTime.millis(10), SimTime.millis(100));
    private static final DurationDistribution WRITE = DurationDistribution.constant(SimTime.millis(5));

    private static DurationDistribution unbounded(DurationDistribution d) {
        return new UnboundedDistribution(d);
    }

    private static ScenarioFixture cluster(ScenarioFixture f) {
        return f.pool("node", 24, "a", "b", "c").deployment("web", 36).duration(SimTime.HOUR * 3);
    }

    static Stream<Arguments> scenarios() {
        Map<String, UnaryOperator<ScenarioFixture>> cases = new java.util.LinkedHashMap<>();
        cases.put("random crashes, 1.35", f -> cluster(f).randomFailures(0, DurationDistribution.exponential(SimTime.MINUTE * 40),
                DurationDistribution.exponential(SimTime.MINUTE * 8), null, FaultTarget.all()));
        cases.put("random kubelet stops and partitions, 1.24", f -> cluster(f).version("1.24")
                .randomFailures(0, DurationDistribution.exponential(SimTime.MINUTE * 50),
                        DurationDistribution.exponential(SimTime.MINUTE * 6), "KubeletStop", FaultTarget.all())
                .randomFailures(0, DurationDistribution.exponential(SimTime.MINUTE * 70),
                        DurationDistribution.exponential(SimTime.seconds(90)), "NetworkPartition", FaultTarget.all()));
        cases.put("legacy 1.12: status heartbeats, pod-eviction-timeout", f -> cluster(f).version("1.12")
                .randomFailures(0, DurationDistribution.exponential(SimTime.MINUTE * 45),
                        DurationDistribution.exponential(SimTime.MINUTE * 10), null, FaultTarget.all()));
        cases.put("late renewals: HeartbeatDelay past the grace", f -> cluster(f)
                .fault("HeartbeatDelay", AT, SimTime.MINUTE * 5, nodes("node-1", "node-2"), DurationDistribution.uniform(
                        SimTime.seconds(1), SimTime.seconds(9)))
                .fault("HeartbeatDelay", AT * 2, SimTime.MINUTE * 5, nodes("node-3"), DurationDistribution.constant(SimTime.seconds(9))));
        // Most attempts outlast the 10 s client timeout: the node goes Unknown on its lost writes
        // and is still heard now and then, an hour after its last renewal the passes kept.
        cases.put("lossy HeartbeatDelay: a lost node heard now and then", f -> cluster(f).version("1.26")
                .fault("HeartbeatDelay", AT, SimTime.HOUR * 2, nodes("node-1"), DurationDistribution.uniform(
                        SimTime.seconds(5), SimTime.seconds(60))));
        // Partitions shorter than the grace period: a status write sent in one is retried past its
        // heal, still pending when the node is passed over again; the next partition of that node
        // must not rewrite the window the write was sent in.
        cases.put("short partitions, again and again: a write of the last window pending", f -> cluster(f)
                .randomFailures(0, DurationDistribution.exponential(SimTime.MINUTE * 8),
                        DurationDistribution.uniform(SimTime.seconds(20), SimTime.seconds(45)), "NetworkPartition", FaultTarget.all()));
        cases.put("API server outage and a controller-manager restart", f -> cluster(f)
                .fault("ControlPlaneOutage", AT, SimTime.MINUTE * 2, FaultTarget.all())
                .fault("ControlPlaneOutage", AT * 3, SimTime.seconds(20), FaultTarget.all())
                .fault("ControllerManagerRestart", AT * 4, SimTime.seconds(60), FaultTarget.all())
                .crash(AT * 2, "node-4"));
        // Every node's Unknown write blocks on the API server; when it answers, their MarkPodsNotReady
        // writes wait for client tokens past the next pass, which looks at those nodes meanwhile.
        cases.put("API server outage under client rate limits: writes finishing after their pass", f -> cluster(f)
                .kubeApi(2, 3).fault("ControlPlaneOutage", AT, SimTime.MINUTE * 4, FaultTarget.all())
                .fault("ZoneOutage", AT * 3, SimTime.MINUTE * 15, zone("b")));
        cases.put("zone outage, deletion, runtime down", f -> cluster(f)
                .fault("ZoneOutage", AT, SimTime.MINUTE * 15, zone("b"))
                .crash(AT * 2, "node-5").fault("NodeDelete", AT * 2 + SimTime.MINUTE * 3, SimTime.NEVER, nodes("node-5"))
                .fault("RuntimeDown", AT * 3, SimTime.MINUTE * 4, nodes("node-6")));
        // Lost nodes that cannot be heard are passed over too, until their fault ends.
        cases.put("a zone cut off for an hour, healed; a kubelet stopped for two", f -> cluster(f)
                .fault("NetworkPartition", AT, SimTime.HOUR, nodes("node-0", "node-3", "node-6", "node-9"))
                .fault("KubeletStop", AT, SimTime.HOUR * 2, nodes("node-10")));
        cases.put("legacy 1.12: a zone cut off for an hour, healed", f -> cluster(f).version("1.12")
                .fault("NetworkPartition", AT, SimTime.HOUR, nodes("node-0", "node-3", "node-6", "node-9"))
                .crash(AT * 2, "node-11"));
        // Zone a's lost nodes wait in the eviction queue when every zone is cut off: entering master
        // disruption mode cancels their evictions, the next passes queue them again.
        cases.put("legacy 1.12: master disruption mode while lost nodes wait to be evicted", f -> cluster(f).version("1.12")
                .fault("NetworkPartition", AT, SimTime.HOUR, zone("a"))
                .fault("NetworkPartition", AT + SimTime.MINUTE * 5 + SimTime.seconds(10), SimTime.MINUTE * 10, zone("b"))
                .fault("NetworkPartition", AT + SimTime.MINUTE * 5 + SimTime.seconds(10), SimTime.MINUTE * 10, zone("c")));
        cases.put("nodes joining, a graceful shutdown, a cloud-terminated node", f -> cluster(f)
                .joiningNode("late-1", "a", AT, DurationDistribution.constant(SimTime.seconds(40)))
                .joiningNode("late-2", "b", AT * 2, DurationDistribution.constant(SimTime.seconds(25)))
                .shutdownGracePeriods(SimTime.seconds(30), SimTime.seconds(10))
                .fault("GracefulNodeShutdown", AT, SimTime.MINUTE * 5, nodes("node-7"))
                .fault("NodeTerminated", AT * 3, SimTime.NEVER, nodes("node-8"))
                .crash(AT * 2 + SimTime.MINUTE, "late-1"));
        // The kubelet is back before the next pass: the renewals the passes saw are those of the old process.
        cases.put("kubelet restarts between two passes", f -> cluster(f)
                .fault("KubeletStop", AT, SimTime.seconds(2), nodes("node-1", "node-2", "node-3"))
                .fault("KubeletStop", AT * 2, SimTime.millis(700), nodes("node-4"))
                .fault("NetworkPartition", AT * 3, SimTime.seconds(3), nodes("node-5")));
        cases.put("grace just above the renewal gap", f -> cluster(f).grace(SimTime.seconds(11)).leaseJitter(true)
                .randomFailures(0, DurationDistribution.exponential(SimTime.MINUTE * 40),
                        DurationDistribution.exponential(SimTime.MINUTE * 4), null, FaultTarget.all()));
        // Zone a's Unknown writes wait for tokens and hold every worker early in the node list; the
        // passes reach zone b late, and those nodes' probe timestamps decide when their crash is seen.
        cases.put("client rate limits: passes that wait for their workers", f -> f.kubeApi(2, 3)
                .pool("a", 16, "a").pool("b", 16, "b").deployment("web", 32).duration(SimTime.HOUR)
                .fault("ZoneOutage", AT, SimTime.MINUTE * 10, zone("a"))
                .crash(AT + SimTime.seconds(51), "b-0", "b-3", "b-6", "b-9", "b-12", "b-15"));
        return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void passingOverQuietNodes_givesTheSameRun(String name, UnaryOperator<ScenarioFixture> faults) {
        ClusterSimulation passingOver = new ClusterSimulation(
                faults.apply(scenario()).watch(WATCH).writes(WRITE).build(), 0, true);
        ClusterSimulation lookingAtAll = new ClusterSimulation(
                faults.apply(scenario()).watch(unbounded(WATCH)).writes(unbounded(WRITE)).build(), 0, true);
        RunResult quick = passingOver.run();
        RunResult full = lookingAtAll.run();
        assertEquals(full.events(), quick.events());
        assertEquals(full.nodes(), quick.nodes());
        assertEquals(full.pods(), quick.pods());
        assertEquals(full.workloads(), quick.workloads());
        long quickTurns = passingOver.nodeLifecycle().turnsTaken();
        long allTurns = lookingAtAll.nodeLifecycle().turnsTaken();
        assertTrue(quickTurns * 3 < allTurns, "quiet nodes are passed over: " + quickTurns + " turns of " + allTurns);
    }
}
