package io.nodesim.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * kube-proxy's sync runner: {@code BoundedFrequencyRunner} with {@code minInterval = minSyncPeriod}.
 * Before 1.34 ({@code pkg/util/async/bounded_frequency_runner.go}; iptables proxier
 * {@code burstSyncs := 2}) a token bucket of 2 with {@code qps = 1/minInterval}, and a request
 * without a token retried at {@code lastRun + minInterval}; from 1.34
 * ({@code pkg/proxy/runner/bounded_frequency_runner.go}, PR #131615) no burst: minInterval after
 * every run, requests inside it coalesced.
 */
class KubeProxyRunnerTest {
    private static final long MIN_SYNC = SimTime.SECOND;

    /** Slice changes of pod i observed at times[i] (watch 0); returns each pod's programming time. */
    private static List<Long> syncTimes(long minSync, boolean burst, long... times) {
        Simulation sim = new Simulation();
        long[] programmed = new long[times.length];
        KubeProxy proxy = new KubeProxy(sim, (pod, ready, now) -> programmed[pod] = now, minSync, burst,
                DurationDistribution.constant(0), new MersenneTwister(1));
        int change = sim.registerKind("test.sliceWritten", (pod, now) -> proxy.sliceChanged(pod, false, now));
        for (int i = 0; i < times.length; i++) {
            sim.schedule(times[i], change, i);
        }
        sim.runUntil(SimTime.MINUTE);
        List<Long> out = new ArrayList<>();
        for (long t : programmed) {
            out.add(t);
        }
        return out;
    }

    @Test
    void from134_minSyncPeriodAfterEverySync_changesInsideItCoalesced() {
        assertEquals(List.of(0L, SimTime.SECOND, SimTime.SECOND, SimTime.millis(2500)),
                syncTimes(MIN_SYNC, false, 0, SimTime.millis(300), SimTime.millis(500), SimTime.millis(2500)));
    }

    @Test
    void before134_twoSyncsInABurst_thenTheThirdWaitsForLastRunPlusMinSyncAndAToken() {
        // tokens: 2 → 1 at 0 s; 1.3 → 0.3 at 0.3 s; 0.5 at 0.5 s is short of one, so the runner waits
        // until lastRun + 1 s = 1.3 s, when the bucket holds 1.3 tokens
        assertEquals(List.of(0L, SimTime.millis(300), SimTime.millis(1300)),
                syncTimes(MIN_SYNC, true, 0, SimTime.millis(300), SimTime.millis(500)));
    }

    @Test
    void minSyncPeriodZero_everyChangeProgrammedAtOnce() {
        assertEquals(List.of(0L, SimTime.millis(300), SimTime.millis(500)),
                syncTimes(0, false, 0, SimTime.millis(300), SimTime.millis(500)));
    }
}
