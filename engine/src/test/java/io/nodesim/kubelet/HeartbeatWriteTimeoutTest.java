package io.nodesim.kubelet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.cluster.ControlPlane;
import io.nodesim.cluster.InformerBus;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import org.apache.commons.math3.random.AbstractRandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A slow heartbeat write as a real kubelet makes it: the heartbeat client's timeout,
 * min(nodeLeaseDurationSeconds, nodeStatusUpdateFrequency) (cmd/kubelet/app/server.go), bounds
 * each attempt, and {@code retryUpdateLease} (maxUpdateRetries = 5,
 * component-helpers/apimachinery/lease/controller.go) and {@code updateNodeStatus}
 * (nodeStatusUpdateRetry = 5, pkg/kubelet/kubelet_node_status.go) retry at once.
 */
class HeartbeatWriteTimeoutTest {
    private static final long TIMEOUT = SimTime.seconds(10);
    private static final long SENT = SimTime.seconds(100);

    /** Draws 0.9, 0.9, ..., then 0.1 for ever: with uniform(0, 20s), 18 s (times out) then 2 s. */
    private static final class SlowThenFast extends AbstractRandomGenerator {
        private int slow;

        SlowThenFast(int slow) {
            this.slow = slow;
        }

        @Override
        public void setSeed(long seed) {
        }

        @Override
        public double nextDouble() {
            return slow-- > 0 ? 0.9 : 0.1;
        }
    }

    private static NodeFaultState delayed(DurationDistribution delay) {
        NodeFaultState f = new NodeFaultState(1, new ControlPlane(new InformerBus()), TIMEOUT);
        f.startDelay(0, 0, delay);
        return f;
    }

    @Test
    void slowFirstAttempt_isCancelledAtTheTimeout_andTheRetryWithAFreshDrawIsRecorded() {
        NodeFaultState f = delayed(DurationDistribution.uniform(0, SimTime.seconds(20)));
        long took = f.writeDuration(0, SENT, DurationDistribution.constant(SimTime.millis(5)), new SlowThenFast(1));
        assertTrue(f.lastRecorded);
        // 10 s lost to the first attempt, then 2 s: not the 18 s the first draw would have taken.
        assertEquals(TIMEOUT + SimTime.seconds(2), took);
    }

    @Test
    void everyAttemptSlowerThanTheTimeout_theWriteIsLostAfterFiveAttempts() {
        NodeFaultState f = delayed(DurationDistribution.constant(SimTime.seconds(15)));
        long took = f.writeDuration(0, SENT, DurationDistribution.constant(SimTime.millis(5)), new SlowThenFast(0));
        assertFalse(f.lastRecorded);
        assertEquals(5 * TIMEOUT, took);
    }

    @Test
    void fifthAttemptFast_isStillRecorded() {
        NodeFaultState f = delayed(DurationDistribution.uniform(0, SimTime.seconds(20)));
        long took = f.writeDuration(0, SENT, DurationDistribution.constant(SimTime.millis(5)), new SlowThenFast(4));
        assertTrue(f.lastRecorded);
        assertEquals(4 * TIMEOUT + SimTime.seconds(2), took);
    }

    @Test
    void attemptAsLongAsTheTimeout_succeeds() {
        NodeFaultState f = delayed(DurationDistribution.constant(TIMEOUT));
        long took = f.writeDuration(0, SENT, DurationDistribution.constant(SimTime.millis(5)), new SlowThenFast(0));
        assertTrue(f.lastRecorded);
        assertEquals(TIMEOUT, took);
    }

    /**
     * During an API-server outage whose end is not known yet every attempt times out, however long
     * its latency: a latency longer than the time since t = 0 once overflowed the answer time
     * (NEVER + latency) into a "recorded" write of negative duration, and a run walking the
     * renewals from there never ended.
     */
    @Test
    void anOutageWithNoEndYet_everyAttemptTimesOut_whateverItsLatency() {
        ControlPlane down = new ControlPlane(new InformerBus());
        down.startOutage(SimTime.seconds(50));
        NodeFaultState f = new NodeFaultState(1, down, TIMEOUT);
        f.startDelay(0, 0, DurationDistribution.constant(SimTime.seconds(200)));
        long took = f.writeDuration(0, SENT, DurationDistribution.constant(SimTime.millis(5)), new SlowThenFast(0));
        assertFalse(f.lastRecorded);
        assertEquals(5 * TIMEOUT, took);
    }

    /**
     * Silenced: no write from then on can be recorded until the faults change. A cut with no heal
     * yet, or a stopped kubelet, is; a healed cut is not before its heal (writes after it get
     * through), and a delay alone never is.
     */
    @Test
    void silencedFrom_anOpenCutOrAStoppedKubelet_notAHealedCutOrADelay() {
        NodeFaultState f = new NodeFaultState(1, new ControlPlane(new InformerBus()), TIMEOUT);
        f.startDelay(0, SimTime.seconds(10), DurationDistribution.constant(SimTime.seconds(60)));
        assertFalse(f.silencedFrom(0, SimTime.seconds(20)), "a delay alone");
        f.partition(0, SimTime.seconds(100));
        assertTrue(f.silencedFrom(0, SimTime.seconds(150)), "cut, no heal yet");
        assertFalse(f.silencedFrom(0, SimTime.seconds(50)), "before the cut");
        f.heal(0, SimTime.seconds(200));
        assertFalse(f.silencedFrom(0, SimTime.seconds(150)), "the cut ends at 200 s");
        f.stopKubelet(0, SimTime.seconds(300), NodeFaultState.KUBELET_STOPPED);
        assertTrue(f.silencedFrom(0, SimTime.seconds(350)));
        assertFalse(f.silencedFrom(0, SimTime.seconds(250)));
    }

    @Test
    void noDelay_normalLatency_oneAttempt() {
        NodeFaultState f = new NodeFaultState(1, new ControlPlane(new InformerBus()), TIMEOUT);
        long took = f.writeDuration(0, SENT, DurationDistribution.constant(SimTime.millis(5)), new SlowThenFast(0));
        assertTrue(f.lastRecorded);
        assertEquals(SimTime.millis(5), took);
    }
}
