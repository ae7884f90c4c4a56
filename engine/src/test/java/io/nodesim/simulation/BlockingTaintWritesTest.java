package io.nodesim.simulation;

import static io.nodesim.simulation.SimAssertions.events;
import static io.nodesim.simulation.SimAssertions.node;
import static io.nodesim.simulation.SimAssertions.pod;
import static io.nodesim.testing.ScenarioFixture.nodes;
import static io.nodesim.testing.ScenarioFixture.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.testing.ScenarioFixture;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The node lifecycle controller's taint writes (and the legacy pod deletions) block the goroutine
 * that makes them, as client-go does: every request waits in {@code rate.Limiter.Wait} for its token
 * (kube-api-qps / kube-api-burst), then for the API server; {@code SwapNodeControllerTaint} /
 * {@code RemoveTaintOffNode} (pkg/controller/util/node, pkg/controller/controller_utils.go) are a
 * GET and a PATCH, the PATCH reserved when the GET came back. The callers in
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go: {@code doNoExecuteTaintingPass} (and
 * {@code doEvictionPass} with {@code DeletePods} before 1.27) on {@code wait.Until}, whose next
 * period starts 100 ms after the pass returned (JitterUntil, sliding); the monitor pass's
 * {@code processTaintBaseEviction} / {@code markNodeAsReachable} on its workers (one before 1.27);
 * {@code doNoScheduleTaintingPass} on the 8 {@code doNodeProcessingPassWorker} goroutines.
 *
 * <p>Several tests restart kube-controller-manager after the crash: the new instance's first pass
 * gives every node the same probe timestamp (nodeHealth is nil: "Assuming now as a timestamp"), so
 * the crashed nodes are found Unknown in one pass, whatever their kubelets' renewal phases.
 */
class BlockingTaintWritesTest {
    private static final long CRASH = SimTime.seconds(100);
    private static final long RESTART = SimTime.seconds(101);

    private static long ms(long millis) {
        return SimTime.millis(millis);
    }

    /** Twenty nodes in zone a; {@code crashed} crash at 100 s; the controller manager restarts at 101 s (60 s down). */
    private static ScenarioFixture crashedThenRestarted(String version, String... crashed) {
        return scenario().version(version).pool("node", 20, "a").crash(CRASH, crashed)
                .fault("ControllerManagerRestart", RESTART, SimTime.seconds(60), FaultTarget.all());
    }

    /**
     * doNoExecuteTaintingPass: the zone's limiter (0.05 node/s, burst 1) gives a token 20 s after the
     * last; the write (GET at once, the PATCH a quarter second later at 4 qps, burst 1) holds the
     * pass, which returns when the PATCH is sent; the next passes run every 100 ms from there, so
     * the first that finds a token is 20.05 s after the last write began, and each taint lands
     * 20.05 s after the one before (on a fixed 100 ms grid it would be 20.0 s).
     */
    @Test
    void doNoExecuteTaintingPass_nextPassIs100msAfterTheWriteReturned_taints20s050Apart() {
        RunResult r = ClusterSimulation.run(crashedThenRestarted("1.33", "node-0", "node-1", "node-2")
                .kubeApi(4, 1).evictionRates(0.05, 0.01).duration(SimTime.seconds(300)).build(), 0, true);
        long[] taints = LongStream.of(node(r, "node-0").noExecuteTaintAt(), node(r, "node-1").noExecuteTaintAt(),
                node(r, "node-2").noExecuteTaintAt()).sorted().toArray();
        // One detecting pass, whose three Unknown UpdateStatus go out a token (0.25 s) apart, but for
        // one token the broadcaster takes between them for node-0's NodeNotReady event (sent through
        // the same limiter; the new instance's RegisteredNode events went out long before).
        assertEquals(ms(750), node(r, "node-2").unknownAt() - node(r, "node-0").unknownAt());
        assertEquals(ms(20_050), taints[1] - taints[0]);
        assertEquals(ms(20_050), taints[2] - taints[1]);
    }

    /**
     * The serial monitor pass of 1.26: node-0 comes back, and the pass's markNodeAsReachable
     * (RemoveTaintOffNode: GET, then PATCH at 4 qps) holds it until the PATCH is sent; the pass
     * returns then, and the next starts node-monitor-period (5 s) later, each further one 5.02 s
     * after (a 20 ms pass). So node-5, which crashed when node-0 came back, is found Unknown 5 s
     * plus a whole number of 5.02 s after node-0's NoExecute taint went.
     */
    @Test
    void markNodeAsReachable_holdsTheSerialPass_theNextPassStartsFiveSecondsAfterItsPatch() {
        RunResult r = ClusterSimulation.run(scenario().version("1.26").pool("node", 20, "a").kubeApi(4, 1)
                .fault("NodeCrash", CRASH, SimTime.seconds(120), nodes("node-0"))
                .crash(CRASH + SimTime.seconds(120), "node-5").duration(SimTime.seconds(400)).build(), 0, true);
        List<Long> removed = events(r, "TaintRemoved").stream()
                .filter(e -> e.object().equals("node-0") && e.detail().endsWith("NoExecute")).map(EventRecord::time)
                .toList();
        assertEquals(1, removed.size(), removed.toString());
        long sinceNextPass = node(r, "node-5").unknownAt() - removed.get(0) - SimTime.seconds(5);
        assertTrue(sinceNextPass >= 0, "node-5 found Unknown after the pass");
        assertEquals(0, sinceNextPass % ms(5_020), "passes 5.02 s apart from 5 s after the PATCH: " + sinceNextPass);
    }

    /**
     * doNoScheduleTaintingPass on 8 workers (10 qps, burst 9). Each node found Unknown gets a
     * NodeNotReady event (RecordNodeStatusChange), which the broadcaster sends one at a time through
     * the same limiter (the new instance's RegisteredNode events went out 40 s before): node-0's
     * takes one of the 9 tokens, so eight nodes are written Unknown at p and the ninth at p + 0.1;
     * the broadcaster's next event is due at p + 0.2. The updates reach the
     * informer 50 ms later: the 8 workers' GETs go out at p + 0.3 … p + 1.0 and the broadcaster's
     * next event at p + 1.1 (reserved when its last POST went out); each PATCH is reserved when its
     * GET is back, behind those, so the taints land at p + 1.2 … p + 1.9. The ninth node waits for
     * the first free worker (p + 1.2): its GET at p + 2.1 (an event at p + 2.0), its PATCH at
     * p + 2.3 (an event at p + 2.2). 1.26 without the taint manager: no NoExecute writes compete.
     */
    @Test
    void doNoScheduleTaintingPass_eightWorkers_theNinthNodeWaitsForAWorker() {
        String[] crashed = {"node-0", "node-1", "node-2", "node-3", "node-4", "node-5", "node-6", "node-7", "node-8"};
        RunResult r = ClusterSimulation.run(crashedThenRestarted("1.26", crashed).taintManager(false).kubeApi(10, 9)
                .duration(SimTime.seconds(250)).build(), 0, true);
        long p = node(r, "node-0").unknownAt();
        for (int k = 0; k < 8; k++) {
            assertEquals(p, node(r, crashed[k]).unknownAt(), crashed[k]);
            assertEquals(p + ms(1_200 + 100 * k), node(r, crashed[k]).noScheduleTaintAt(), crashed[k]);
        }
        assertEquals(p + ms(2_300), node(r, "node-8").noScheduleTaintAt());
    }

    /**
     * doEvictionPass (1.26, --enable-taint-manager=false): DeletePods holds the loop while it sends,
     * through the controller's client (8 qps, burst 1: a token every 0.125 s), for a node with two
     * pods: the DeletingAllPods event (the broadcaster's POST), then per pod the NodeLost
     * UpdateStatus, the NodeControllerEviction event and the DELETE. The first node's pods are
     * deleted at the 4th and 7th token (0.375 s apart); the pass returns at its last DELETE, 0.75 s
     * after it began, and the zone's next token (0.05 node/s) is taken by the first pass 100 ms
     * after that and 20 s after the last, 20.05 s after the first node's call began: the next
     * node's first pod goes 0.375 s later, 19.675 s after the first node's last.
     */
    @Test
    void doEvictionPass_deletePodsHoldsTheLoop_theNextNodesPodsGo20s05Later() {
        long[] deleted = legacyDeletions("1.26");
        assertEquals(ms(375), deleted[1] - deleted[0], "event, status, event, DELETE, status, event, DELETE");
        assertEquals(ms(20_050) - ms(750) + ms(375), deleted[2] - deleted[1]);
        assertEquals(ms(375), deleted[3] - deleted[2]);
    }

    /**
     * Before 1.17 (PR #81167) DeletePods lists the node's pods through the client first: one token
     * more at the start of each call. The pods are deleted at the 5th and 8th token, the call returns
     * 0.875 s after it began, the next call starts 20.075 s after the first (the first pass 100 ms
     * after the return and 20 s after the last zone token) and deletes its first pod 0.5 s in.
     */
    @Test
    void doEvictionPass_before117_deletePodsListsThePodsThroughTheClientFirst() {
        long[] deleted = legacyDeletions("1.16");
        assertEquals(ms(375), deleted[1] - deleted[0]);
        assertEquals(ms(20_075) - ms(875) + ms(500), deleted[2] - deleted[1]);
        assertEquals(ms(375), deleted[3] - deleted[2]);
    }

    /**
     * Before 1.17 a DeletePods whose LIST times out fails the call before its event or any pod
     * (grace 150 s, so the healthy nodes stay Ready through the 90 s outage). The first node's LIST,
     * due 1 ms into the outage, times out after 1 min; Try puts the node back behind the other one
     * and goes on at once with the other (the zone's token due since 20 s), whose LIST hangs until
     * the outage ends at E: its pods go at E + 0.375 s and E + 0.75 s (event, status, event, DELETE;
     * status, event, DELETE), and the same Try then retries the first node (its zone token due
     * 20 s after the other's): LIST at the next client token, E + 0.875 s, then event, status, event,
     * DELETE, its pods at E + 1.375 s and E + 1.75 s.
     */
    @Test
    void doEvictionPass_before117_aListThatTimesOut_failsTheCall_andTheNodeGoesBehindTheOther() {
        ScenarioFixture base = crashedThenRestarted("1.16", "node-0", "node-1").taintManager(false)
                .grace(SimTime.seconds(150)).kubeApi(8, 1).evictionRates(0.05, 0.01).barePod("a1", "node-0")
                .barePod("a2", "node-0").barePod("b1", "node-1").barePod("b2", "node-1")
                .duration(SimTime.seconds(1200));
        RunResult plain = ClusterSimulation.run(base.build(), 0, true);
        long[] a = {pod(plain, "a1").deletedAt(), pod(plain, "a2").deletedAt()};
        long[] b = {pod(plain, "b1").deletedAt(), pod(plain, "b2").deletedAt()};
        boolean node0First = Math.min(a[0], a[1]) < Math.min(b[0], b[1]);
        long list = Math.min(Math.min(a[0], a[1]), Math.min(b[0], b[1])) - ms(500);
        long end = list - ms(1) + SimTime.seconds(90);
        RunResult r = ClusterSimulation.run(base.fault("ControlPlaneOutage", list - ms(1), SimTime.seconds(90),
                FaultTarget.all()).build(), 0, true);
        long[] firstNode = sortedDeletions(r, node0First ? "a" : "b");
        long[] otherNode = sortedDeletions(r, node0First ? "b" : "a");
        assertEquals(end + ms(375), otherNode[0]);
        assertEquals(end + ms(750), otherNode[1]);
        assertEquals(end + ms(1_375), firstNode[0]);
        assertEquals(end + ms(1_750), firstNode[1]);
    }

    /**
     * SetPodTerminationReason returns at once for a pod whose reason is NodeLost already: the
     * retry of a DeletePods whose DELETE failed does not write that pod's status again. The call
     * starts at t (event, status, event, DELETE at t + 0.375 s); that DELETE is sent 1 ms into a
     * 90 s outage and fails after 1 min, at t + 60.375 s. The zone's limiter (0.01 node/s) has its
     * next token at t + 100 s, so the retry is the loop's first pass from then (every 100 ms from
     * the failure): t + 100.075 s, after the outage. It records DeletingAllPods (the broadcaster
     * POSTs it at once) and sends the DELETE (no status) at the next token, 0.125 s later; the pod's
     * event is recorded while that first POST is still in flight, so it waits behind the DELETE.
     * Writing the status again would put the DELETE two tokens later.
     */
    @Test
    void deletePods_retried_doesNotWriteTheNodeLostStatusAgain() {
        ScenarioFixture base = crashedThenRestarted("1.26", "node-0").taintManager(false).grace(SimTime.seconds(150))
                .kubeApi(8, 1).evictionRates(0.01, 0.01).barePod("a1", "node-0").barePod("a2", "node-0")
                .duration(SimTime.seconds(1200));
        long[] plain = sortedDeletions(ClusterSimulation.run(base.build(), 0, true), "a");
        long t = plain[0] - ms(375);
        RunResult r = ClusterSimulation.run(base.fault("ControlPlaneOutage", plain[0] - ms(1), SimTime.seconds(90),
                FaultTarget.all()).build(), 0, true);
        assertEquals(t + ms(100_075) + ms(125), sortedDeletions(r, "a")[0]);
    }

    private static long[] sortedDeletions(RunResult r, String prefix) {
        return LongStream.of(pod(r, prefix + "1").deletedAt(), pod(r, prefix + "2").deletedAt()).sorted().toArray();
    }

    private static long[] legacyDeletions(String version) {
        RunResult r = ClusterSimulation.run(crashedThenRestarted(version, "node-0", "node-1").taintManager(false)
                .kubeApi(8, 1).evictionRates(0.05, 0.01).barePod("a1", "node-0").barePod("a2", "node-0")
                .barePod("b1", "node-1").barePod("b2", "node-1").duration(SimTime.seconds(600)).build(), 0, true);
        return LongStream.of(pod(r, "a1").deletedAt(), pod(r, "a2").deletedAt(), pod(r, "b1").deletedAt(),
                pod(r, "b2").deletedAt()).sorted().toArray();
    }

    /**
     * A tainting write whose PATCH is due inside an API-server outage: it hangs, and after the
     * 1 min request timeout doNoExecuteTaintingPass's action returns false and the node stays
     * queued; the zone's limiter (0.009 node/s) has no token for it until 111.1 s after the first
     * try, so the loop's pass at t + 111.2 s (100 ms steps from the failure at t + 61 s) writes
     * the taint, after the outage. The write's requests are sent at their token times: the taint
     * never lands during the outage.
     */
    @Test
    void tokenTimeInsideAnOutage_theTaintingLoopsWriteFails_andTheNodeIsRetriedWhenTheZoneHasAToken() {
        ScenarioFixture base = scenario().version("1.33").pool("node", 20, "a").grace(SimTime.seconds(150))
                .kubeApi(0.5, 2).evictionRates(0.009, 0.009).crash(CRASH, "node-0").duration(SimTime.seconds(600));
        long firstTry = node(ClusterSimulation.run(base.build(), 0, true), "node-0").noExecuteTaintAt();
        // The GET went out at t, the PATCH two tokens (4 s) later, minus the half token left: the
        // broadcaster's POST of the node's NodeNotReady event took the token between them.
        long t = firstTry - SimTime.seconds(3);
        long outage = t + ms(500);
        RunResult r = ClusterSimulation.run(base.fault("ControlPlaneOutage", outage, SimTime.seconds(90),
                FaultTarget.all()).build(), 0, true);
        // Within 1 us: the limiter rounds a wait for a fraction of a token up to a whole microsecond.
        assertEquals(t + ms(111_200), node(r, "node-0").noExecuteTaintAt(), 1.0);
    }

    /**
     * doNoScheduleTaintingPass drops a failed write ("TODO(k82cn): Add nodeName back to the queue"):
     * node-0's NoSchedule PATCH (0.5 qps, burst 2: due 2 s after the Unknown UpdateStatus) falls
     * into a 90 s outage, times out and is only logged. The tainting loop's write hangs too, fails,
     * and its retry is answered when the outage ends (p + 91 s): that NoExecute taint is an update
     * of the node, which the informer delivers 50 ms later and which queues it again; its GET goes
     * at once, its PATCH a token later (p + 93 s).
     */
    @Test
    void doNoScheduleTaintingPass_dropsAWriteThatTimedOut_andRedoesItAtTheNodesNextUpdate() {
        ScenarioFixture base = scenario().version("1.33").pool("node", 20, "a").grace(SimTime.seconds(150))
                .kubeApi(0.5, 2).crash(CRASH, "node-0").duration(SimTime.seconds(600));
        long p = node(ClusterSimulation.run(base.build(), 0, true), "node-0").unknownAt();
        RunResult r = ClusterSimulation.run(base.fault("ControlPlaneOutage", p + SimTime.seconds(1),
                SimTime.seconds(90), FaultTarget.all()).build(), 0, true);
        assertEquals(p, node(r, "node-0").unknownAt());
        assertEquals(p + SimTime.seconds(91), node(r, "node-0").noExecuteTaintAt());
        // Within 1 us: the limiter rounds the 1.95 s wait for 0.975 of a token up to a whole microsecond.
        assertEquals(p + SimTime.seconds(93), node(r, "node-0").noScheduleTaintAt(), 1.0);
    }

    /**
     * Before 1.25 (PR #110359; issue #110341) doNoExecuteTaintingPass holds {@code evictorLock} over its
     * API calls, and every decision of the monitor pass (markNodeForTainting, markNodeAsReachable)
     * takes it. At 0.1 qps each tainting write holds the loop 20 s or more (its GET and PATCH wait
     * 10 s each for a token, 20 s while the broadcaster's events take every other one); the passes
     * that start meanwhile wait at their first node until the write's pass returns, and the pass
     * after the last write starts 5 s after that write's PATCH. From 1.25 the passes keep their
     * 5.02 s rhythm from the end of the detecting pass (which the serial worker held until node-1's
     * UpdateStatus had its token). node-5 crashes long after, once the broadcaster's events are
     * sent: its Unknown UpdateStatus goes out at the start of a pass of that rhythm.
     */
    @Test
    void evictorLock_before125_thePassesWaitForTheTaintingPassesWrites_from125TheyDoNot() {
        for (String version : new String[] {"1.24", "1.25"}) {
            RunResult r = ClusterSimulation.run(crashedThenRestarted(version, "node-0", "node-1").kubeApi(0.1, 6)
                    .crash(SimTime.seconds(700), "node-5").duration(SimTime.seconds(900)).build(), 0, true);
            long p = node(r, "node-0").unknownAt();
            long lastTaint = Math.max(node(r, "node-0").noExecuteTaintAt(), node(r, "node-1").noExecuteTaintAt());
            // While the broadcaster has events waiting (the new instance's 20 RegisteredNode, each
            // Unknown node's NodeNotReady), it takes every other token: node-1's UpdateStatus waits
            // until p + 20 s, holding the serial detecting pass; the NoSchedule writes land at
            // p + 70 s and p + 90 s, the NoExecute taints (GET and PATCH each) at p + 100 s and p + 140 s.
            assertEquals(p + ms(20_000), node(r, "node-1").unknownAt(), version);
            assertEquals(p + ms(140_000), lastTaint, version + ": GET and PATCH 20 s apart, twice");
            long d = node(r, "node-5").unknownAt();
            if (version.equals("1.24")) {
                assertEquals(0, (d - lastTaint - SimTime.seconds(5)) % ms(5_020), "1.24: " + (d - lastTaint));
            } else {
                // the rhythm of the passes from the end of the detecting pass, whatever the tainting loop does
                assertEquals(0, (d - p - ms(20_000) - SimTime.seconds(5)) % ms(5_020), "1.25: " + (d - p));
            }
        }
    }

    /**
     * DeletePods sends SetPodTerminationReason's UpdateStatus for a DaemonSet pod too (only its
     * DELETE and its NodeControllerEviction event are skipped): with a DaemonSet pod and a bare pod
     * per node the call is the DeletingAllPods event and four requests (8 qps: 0.5 s), so the pass
     * returns 0.5 s after it began, the next zone token (0.05 node/s) is taken 20 s after the first
     * (the pass 0.6 s + 19.4 s in), and the two bare pods' deletions lie 20 s apart, give or take the
     * 0.125 s of the DaemonSet pod's place in each node's list.
     */
    @Test
    void deletePods_sendsTheNodeLostStatusOfDaemonSetPodsToo() {
        RunResult r = ClusterSimulation.run(crashedThenRestarted("1.26", "node-0", "node-1").taintManager(false)
                .kubeApi(8, 1).evictionRates(0.05, 0.01).daemonSet("agent").barePod("a1", "node-0")
                .barePod("b1", "node-1").duration(SimTime.seconds(600)).build(), 0, true);
        long apart = Math.abs(pod(r, "b1").deletedAt() - pod(r, "a1").deletedAt());
        assertEquals(0, (apart - ms(20_000)) % ms(125), "deletions " + apart + " us apart");
        assertTrue(Math.abs(apart - ms(20_000)) <= ms(125), "deletions " + apart + " us apart");
    }

    /**
     * RateLimitedTimedQueue.Try: an action that fails is put back with ProcessAt = now + wait + 1 ns
     * ({@code Replace}), behind every node queued before it. On the legacy path (1.24 without the
     * taint manager, where a queued node is not re-added each pass) the zone's limiter (0.02 node/s)
     * takes node-2, then node-0 a token later; node-0's DeletePods hangs in an API-server outage (its
     * status update and then its DELETE time out after 1 min each), and the loop's next try takes
     * node-1, queued after node-0 but before its retry.
     */
    @Test
    void failedAction_goesBehindTheNodesQueuedBeforeIt() {
        ScenarioFixture base = scenario().version("1.24").taintManager(false).pool("node", 20, "a")
                .deployment("web", 20).podEvictionTimeout(SimTime.seconds(60)).evictionRates(0.02, 0.02)
                .crash(CRASH - SimTime.seconds(10), "node-2").crash(CRASH, "node-0")
                .crash(CRASH + SimTime.seconds(10), "node-1").duration(SimTime.seconds(600));
        RunResult plain = ClusterSimulation.run(base.build(), 0, true);
        long node0Deleted = SimAssertions.podOf(plain, "web", "node-0").deletedAt();
        assertTrue(SimAssertions.podOf(plain, "web", "node-1").deletedAt() > node0Deleted);
        // down from just before node-0's requests until just after its DELETE times out: the NodeLost
        // status update fails after the 1 min timeout (ignored), the DELETE after another
        RunResult r = ClusterSimulation.run(base.fault("ControlPlaneOutage", node0Deleted - ms(1), ms(120_100),
                FaultTarget.all()).build(), 0, true);
        long node0 = SimAssertions.podOf(r, "web", "node-0").deletedAt();
        long node1 = SimAssertions.podOf(r, "web", "node-1").deletedAt();
        assertEquals(node0Deleted - ms(1) + ms(120_100), node1, "node-1's requests, answered when the server is back");
        assertTrue(node1 < node0, "node-1's pod deleted at " + node1 + ", node-0's (retried) at " + node0);
    }
}
