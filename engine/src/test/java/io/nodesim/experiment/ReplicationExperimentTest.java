package io.nodesim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ReplicationExperimentTest {
    /** Later replications finish first, so completion order is the reverse of index order. */
    private static ReplicationRunner slowFirst(ReplicationRunner inner, int replications) {
        return (s, r) -> {
            LockSupport.parkNanos((replications - r) * 1_000_000L);
            return inner.run(s, r);
        };
    }

    @Test
    void run_resultsInReplicationOrder_identicalForOneTwoFourThreads() throws Exception {
        Scenario scenario = Fakes.scenario(42, 12, "");
        ReplicationRunner runner = slowFirst(Fakes.exponential(5), 12);
        List<RunResult> one = new ReplicationExperiment(runner, 1, ProgressListener.NONE).run(scenario);
        for (int threads : new int[] {2, 4}) {
            List<RunResult> many = new ReplicationExperiment(runner, threads, ProgressListener.NONE).run(scenario);
            assertEquals(12, many.size());
            for (int r = 0; r < 12; r++) {
                assertEquals(r, many.get(r).replication());
                assertArrayEquals(one.get(r).metrics().get("recovery"), many.get(r).metrics().get("recovery"));
            }
            assertEquals(Summaries.summarize(one), Summaries.summarize(many));
        }
    }

    @Test
    void run_replicationUsesItsIndex_asAPlainRunWould() throws Exception {
        Scenario scenario = Fakes.scenario(42, 3, "");
        List<RunResult> runs = new ReplicationExperiment(Fakes.exponential(4), 2, ProgressListener.NONE).run(scenario);
        assertArrayEquals(Fakes.exponential(4).run(scenario, 2).metrics().get("recovery"),
                runs.get(2).metrics().get("recovery"));
    }

    @Test
    void run_progress_countsEveryReplicationOnCallingThread() throws Exception {
        List<String> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void replicationsDone(int done, int total) {
                assertEquals(caller, Thread.currentThread());
                seen.add(done + "/" + total);
            }
        };
        new ReplicationExperiment(Fakes.exponential(1), 3, listener).run(Fakes.scenario(1, 4, ""));
        assertEquals(List.of("1/4", "2/4", "3/4", "4/4"), seen);
    }

    @Test
    void run_failingReplication_reportsItsCause() {
        ReplicationRunner runner = (s, r) -> {
            if (r == 3) {
                throw new IllegalStateException("replication 3 broke");
            }
            return Fakes.result(r, "m", 1);
        };
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> new ReplicationExperiment(runner, 2, ProgressListener.NONE).run(Fakes.scenario(1, 6, "")));
        assertEquals("replication 3 broke", e.getMessage());
    }

    @Test
    void run_interrupted_throwsWithoutResultAndStopsStartingReplications() throws Exception {
        AtomicInteger started = new AtomicInteger();
        CountDownLatch twoDone = new CountDownLatch(2);
        ReplicationRunner runner = (s, r) -> {
            started.incrementAndGet();
            LockSupport.parkNanos(20_000_000L);
            twoDone.countDown();
            return Fakes.result(r, "m", 1);
        };
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                twoDone.await();
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();
        assertThrows(InterruptedException.class,
                () -> new ReplicationExperiment(runner, 2, ProgressListener.NONE).run(Fakes.scenario(1, 100, "")));
        interrupter.join();
        LockSupport.parkNanos(100_000_000L);
        assertTrue(started.get() < 10, "started " + started.get() + " of 100 replications");
        assertFalse(Thread.interrupted());
    }

    @Test
    void runToPrecision_addsBatchesUntilHalfWidthBelowTarget_sameForAnyThreadCount() throws Exception {
        Scenario scenario = Fakes.scenario(9, 5, "");
        PrecisionTarget target = new PrecisionTarget("recovery", 1.0, 5, 500);
        PrecisionOutcome one = new ReplicationExperiment(Fakes.exponential(10), 1, ProgressListener.NONE)
                .runToPrecision(scenario, target);
        PrecisionOutcome four = new ReplicationExperiment(Fakes.exponential(10), 4, ProgressListener.NONE)
                .runToPrecision(scenario, target);
        assertTrue(one.reached());
        assertTrue(one.halfWidth() < 1.0);
        // replication means of 10 exponentials (mean 10) have sd √10: about (1.96·√10)² ≈ 38 are needed
        assertTrue(one.runs().size() > 20 && one.runs().size() < 80, "ran " + one.runs().size());
        assertEquals(one.runs().size(), four.runs().size());
        assertEquals(Summaries.summarize(one.runs()), Summaries.summarize(four.runs()));
        // the batches replayed by hand: every earlier total was above the target, the last below
        int n = 5;
        double half = halfWidth(one.runs().subList(0, n));
        while (half >= 1.0) {
            n = ReplicationExperiment.nextTotal(n, half, target);
            half = halfWidth(one.runs().subList(0, n));
        }
        assertEquals(one.runs().size(), n);
    }

    private static double halfWidth(List<RunResult> runs) {
        var s = Summaries.summarize(runs).get(0);
        return (s.ci95High() - s.ci95Low()) / 2;
    }

    @Test
    void runToPrecision_capReached_reportsNotReached() throws Exception {
        PrecisionOutcome out = new ReplicationExperiment(Fakes.exponential(10), 2, ProgressListener.NONE)
                .runToPrecision(Fakes.scenario(9, 2, ""), new PrecisionTarget("recovery", 0.01, 2, 7));
        assertFalse(out.reached());
        assertEquals(7, out.runs().size());
    }

    @Test
    void runToPrecision_unknownMetric_namesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReplicationExperiment(Fakes.exponential(1), 1, ProgressListener.NONE)
                        .runToPrecision(Fakes.scenario(1, 2, ""), new PrecisionTarget("nope", 1, 2)));
        assertTrue(e.getMessage().contains("recovery"), e.getMessage());
    }

    @Test
    void nextTotal_followsSquareLawWithinBounds() {
        PrecisionTarget t = new PrecisionTarget("m", 1.0, 10, 100);
        assertEquals(14, ReplicationExperiment.nextTotal(10, 1.18, t)); // 10·1.3924 → 14
        assertEquals(11, ReplicationExperiment.nextTotal(10, 1.01, t)); // at least one more
        assertEquals(20, ReplicationExperiment.nextTotal(10, 5.0, t)); // at most double
        assertEquals(20, ReplicationExperiment.nextTotal(10, Double.NaN, t));
        assertEquals(100, ReplicationExperiment.nextTotal(60, 5.0, t)); // the cap
    }
}
