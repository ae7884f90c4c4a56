package io.nodesim.kubelet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.cluster.ControlPlane;
import io.nodesim.cluster.InformerBus;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.testing.UnboundedDistribution;
import org.junit.jupiter.api.Test;

/**
 * A long walk over healthy renewals ({@code skimUpTo}: only the jitter is drawn) passes the same
 * writes, and reports the same time for the newest one, as the write-by-write walk, with or
 * without faults in between.
 */
class HeartbeatSkimTest {
    private static final long R = SimTime.seconds(10);
    private static final DurationDistribution WRITE = DurationDistribution.constant(SimTime.millis(5));
    private static final DurationDistribution WATCH = DurationDistribution.uniform(SimTime.millis(10), SimTime.millis(100));

    /** The same draws, but declared unbounded: the walk must go write by write. */
    private static DurationDistribution unbounded(DurationDistribution d) {
        return new UnboundedDistribution(d);
    }

    private record Pair(NodeFaultState faults, ControlPlane controlPlane, HeartbeatSequence skimming,
            HeartbeatSequence stepping) {
    }

    private static Pair pair(double jitter) {
        ControlPlane cp = new ControlPlane(new InformerBus());
        NodeFaultState faults = new NodeFaultState(2, cp, R);
        return new Pair(faults, cp, new HeartbeatSequence(2, R, jitter, WRITE, WATCH, faults, 7),
                new HeartbeatSequence(2, R, jitter, unbounded(WRITE), unbounded(WATCH), faults, 7));
    }

    private static void assertSameWalk(Pair p, int node, long t) {
        assertEquals(p.stepping.walkUpTo(node, t), p.skimming.walkUpTo(node, t), "newest write seen by " + t);
        assertEquals(p.stepping.nextSent(node), p.skimming.nextSent(node), "cursor after " + t);
        assertEquals(p.stepping.nextSeen(node), p.skimming.nextSeen(node), "next write after " + t);
    }

    @Test
    void aDayInOneStep_equalsTheWriteByWriteWalk_withAndWithoutJitter() {
        for (double jitter : new double[] {0, 0.04}) {
            Pair p = pair(jitter);
            assertSameWalk(p, 0, (SimTime.HOUR * 24));
            assertSameWalk(p, 0, (SimTime.HOUR * 24) + SimTime.seconds(7));
            assertSameWalk(p, 1, SimTime.HOUR * 30);
        }
    }

    @Test
    void faultsInTheStretch_theSkimStopsWhereTheRulesChange() {
        Pair p = pair(0.04);
        p.faults.partition(0, SimTime.HOUR);
        p.faults.heal(0, SimTime.HOUR + SimTime.seconds(45));
        p.faults.startDelay(0, SimTime.HOUR * 3, DurationDistribution.constant(SimTime.seconds(12)));
        p.faults.endDelay(0, SimTime.HOUR * 4);
        p.controlPlane.startOutage(SimTime.HOUR * 6);
        p.controlPlane.endOutage(SimTime.HOUR * 6 + SimTime.MINUTE);
        p.faults.stopKubelet(0, SimTime.HOUR * 8, NodeFaultState.CRASHED);
        for (long t = SimTime.MINUTE * 50; t < SimTime.HOUR * 10; t += SimTime.MINUTE * 47) {
            assertSameWalk(p, 0, t);
        }
        assertSameWalk(p, 1, SimTime.HOUR * 10);
    }

    @Test
    void healthyUntil_isTheNextChangeOfTheRules() {
        ControlPlane cp = new ControlPlane(new InformerBus());
        NodeFaultState f = new NodeFaultState(1, cp, R);
        assertEquals(SimTime.NEVER, f.healthyUntil(0, 0));
        f.partition(0, 100);
        assertEquals(100, f.healthyUntil(0, 0));
        assertEquals(150, f.healthyUntil(0, 150), "inside the cut: not healthy at all");
        f.heal(0, 200);
        assertEquals(SimTime.NEVER, f.healthyUntil(0, 200));
        cp.startOutage(300);
        assertEquals(300, f.healthyUntil(0, 250));
        cp.endOutage(400);
        assertEquals(SimTime.NEVER, f.healthyUntil(0, 400));
        f.stopKubelet(0, 500, NodeFaultState.KUBELET_STOPPED);
        assertEquals(500, f.healthyUntil(0, 450));
        assertTrue(f.healthyFrom(0, 450) == false, "a stopped kubelet is not healthy from anywhere");
    }

    @Test
    void longestGap_boundsEveryGapBetweenSeenRenewals() {
        Pair p = pair(0.04);
        long bound = p.skimming.longestGapWhileHealthy();
        assertEquals(R + R * 4 / 100 + SimTime.millis(5) + SimTime.millis(100) - SimTime.millis(10), bound);
        assertEquals(Long.MAX_VALUE, p.stepping.longestGapWhileHealthy(), "unbounded latencies bound nothing");
        long previous = -1;
        for (int k = 0; k < 20_000; k++) {
            long seen = p.skimming.nextSeen(0);
            if (previous >= 0) {
                assertTrue(seen - previous <= bound, "gap " + (seen - previous));
            }
            previous = seen;
            p.skimming.walkUpTo(0, seen);
        }
    }
}
