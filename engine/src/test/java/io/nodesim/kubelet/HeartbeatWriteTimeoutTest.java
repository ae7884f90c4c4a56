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

    @Test
    void noDelay_normalLatency_oneAttempt() {
        NodeFaultState f = new NodeFaultState(1, new ControlPlane(new InformerBus()), TIMEOUT);
        long took = f.writeDuration(0, SENT, DurationDistribution.constant(SimTime.millis(5)), new SlowThenFast(0));
        assertTrue(f.lastRecorded);
        assertEquals(SimTime.millis(5), took);
    }
}
