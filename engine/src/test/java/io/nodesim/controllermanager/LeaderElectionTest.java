package io.nodesim.controllermanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.kernel.SimTime;
import org.apache.commons.math3.random.AbstractRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * client-go {@code tools/leaderelection/leaderelection.go}: a new candidate tries at once, then every
 * {@code wait.Jitter(RetryPeriod, 1.2)}; it takes the Lease at the first try where
 * {@code observedTime + LeaseDuration} is not after now ({@code isLeaseValid}), observedTime being its
 * first try.
 */
class LeaderElectionTest {
    private static final long START = SimTime.seconds(100);
    private static final LeaderElection DEFAULTS = new LeaderElection(true, SimTime.seconds(15), SimTime.seconds(2));

    /** A generator whose every draw is {@code u}, so the retry interval is 2 s × (1 + 1.2u) exactly. */
    private static RandomGenerator constant(double u) {
        return new AbstractRandomGenerator() {
            @Override
            public void setSeed(long seed) {
            }

            @Override
            public double nextDouble() {
                return u;
            }
        };
    }

    @Test
    void noJitter_triesEvery2s_leadsAtTheFirstTryAfter15s_that_is16s() {
        assertEquals(START + SimTime.seconds(16), DEFAULTS.acquiredAt(START, constant(0)));
    }

    @Test
    void halfJitter_triesEvery3200ms_leadsAt16s() {
        assertEquals(START + SimTime.millis(16_000), DEFAULTS.acquiredAt(START, constant(0.5)));
    }

    /**
     * 0.75 × 1.2 × 2 s is 1.7999999999999998 s in float64, truncated as Go truncates
     * {@code time.Duration(rand.Float64()*maxFactor*float64(duration))} (here to the microsecond):
     * four tries of 3.799999 s reach 15.199996 s.
     */
    @Test
    void jitter075_triesEvery3799999us_truncatedAsGoDoes_leadsAt15199996us() {
        assertEquals(START + 4 * (2_000_000L + 1_799_999L), DEFAULTS.acquiredAt(START, constant(0.75)));
    }

    @Test
    void aTryExactlyAtExpiry_takesTheLease_becauseValidityIsStrictlyAfter() {
        var sixteen = new LeaderElection(true, SimTime.seconds(16), SimTime.seconds(2));
        assertEquals(START + SimTime.seconds(16), sixteen.acquiredAt(START, constant(0)));
    }

    @Test
    void withoutLeaderElection_theNewInstanceRunsWhenItStarts() {
        assertEquals(START, new LeaderElection(false, SimTime.seconds(15), SimTime.seconds(2)).acquiredAt(START, null));
    }
}
