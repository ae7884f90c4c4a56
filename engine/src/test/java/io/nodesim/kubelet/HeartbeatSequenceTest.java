package io.nodesim.kubelet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.cluster.ControlPlane;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lease controller's sliding JitterUntil loop, evaluated lazily, and the fault rules. */
class HeartbeatSequenceTest {
    private static final long R = SimTime.seconds(10);
    private static final long W = SimTime.millis(5);
    private static final long WATCH = SimTime.millis(50);

    private static HeartbeatSequence sequence(double jitter, NodeFaultState faults, int nodes) {
        return new HeartbeatSequence(nodes, R, jitter, DurationDistribution.constant(W),
                DurationDistribution.constant(WATCH), faults, 42);
    }

    private static NodeFaultState faults(int nodes) {
        return new NodeFaultState(nodes, new ControlPlane(new io.nodesim.cluster.InformerBus()), R);
    }

    /** The times (1 ms resolution) at which newer heartbeats were first seen, after the first one. */
    private static List<Long> observations(HeartbeatSequence s, int node, long until) {
        List<Long> seen = new ArrayList<>();
        s.observeUpTo(node, 0);
        for (long t = 0; t <= until; t += SimTime.MILLISECOND) {
            if (s.observeUpTo(node, t)) {
                seen.add(t);
            }
        }
        return seen;
    }

    @Test
    void slidingJitter_intervalsBetweenRAndOnePointZeroFourR_plusTheWrite() {
        List<Long> seen = observations(sequence(0.04, faults(1), 1), 0, SimTime.seconds(600));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 1; i < seen.size(); i++) {
            long gap = seen.get(i) - seen.get(i - 1);
            min = Math.min(min, gap);
            max = Math.max(max, gap);
        }
        assertTrue(min >= R + W - SimTime.MILLISECOND, "min " + min);
        assertTrue(max <= R + R * 4 / 100 + W + SimTime.MILLISECOND, "max " + max);
        assertTrue(max - min > R / 100, "jitter is used");
    }

    @Test
    void noJitter_exactlyRPlusWrite() {
        List<Long> seen = observations(sequence(0, faults(1), 1), 0, SimTime.seconds(100));
        for (int i = 1; i < seen.size(); i++) {
            assertEquals(R + W, seen.get(i) - seen.get(i - 1));
        }
    }

    @Test
    void stoppedKubelet_sendsNothingAfterTheStop() {
        NodeFaultState f = faults(1);
        HeartbeatSequence s = sequence(0.04, f, 1);
        s.observeUpTo(0, SimTime.seconds(50));
        f.stopKubelet(0, SimTime.seconds(50), NodeFaultState.KUBELET_STOPPED);
        List<Long> after = observations(s, 0, SimTime.seconds(200));
        assertTrue(after.stream().allMatch(t -> t <= SimTime.seconds(50) + W + WATCH), after.toString());
    }

    @Test
    void restart_firstRenewalAtOnce() {
        NodeFaultState f = faults(1);
        HeartbeatSequence s = sequence(0.04, f, 1);
        f.stopKubelet(0, SimTime.seconds(5), NodeFaultState.CRASHED);
        s.observeUpTo(0, SimTime.seconds(100));
        f.restartKubelet(0, SimTime.seconds(100), NodeFaultState.CRASHED);
        assertTrue(s.observeUpTo(0, SimTime.seconds(100) + W + WATCH));
    }

    @Test
    void partition_writesLost_thenTheFirstAttemptAfterTheHealSucceeds() {
        NodeFaultState f = faults(1);
        HeartbeatSequence s = sequence(0, f, 1);
        f.partition(0, SimTime.seconds(30));
        long seenBefore = observations(s, 0, SimTime.seconds(200)).stream().filter(t -> t > SimTime.seconds(31)).count();
        assertEquals(0, seenBefore, "nothing is recorded while cut off");
        f.heal(0, SimTime.seconds(200));
        // The write in flight keeps retrying every attempt timeout (R here); if all five attempts
        // fell before the heal, the next write starts R after them.
        assertTrue(s.observeUpTo(0, SimTime.seconds(200) + 2 * R + R * 4 / 100 + W + WATCH), "renewals resume");
    }

    @Test
    void evaluationOrder_doesNotChangeAnyNodesHeartbeats() {
        HeartbeatSequence a = sequence(0.04, faults(3), 3);
        HeartbeatSequence b = sequence(0.04, faults(3), 3);
        boolean[] ra = new boolean[3000];
        boolean[] rb = new boolean[3000];
        for (int t = 0; t < 1000; t++) {
            for (int n = 0; n < 3; n++) {
                ra[t * 3 + n] = a.observeUpTo(n, t * SimTime.millis(100));
            }
        }
        for (int n = 2; n >= 0; n--) {
            for (int t = 0; t < 1000; t++) {
                rb[t * 3 + n] = b.observeUpTo(n, t * SimTime.millis(100));
            }
        }
        assertArrayEquals(ra, rb);
    }
}
