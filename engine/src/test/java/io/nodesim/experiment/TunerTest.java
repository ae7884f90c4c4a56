package io.nodesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.metrics.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The racing search against brute force on a small grid: the same choice, with fewer replications,
 * and an honest "none" when no point meets the constraints.
 */
class TunerTest {
    /** Per point: the objective's true mean, and its false evictions per run. */
    private static final double[] MEAN = {120, 95, 100, 60, 140, 97};
    private static final double[] FALSE_EVICTIONS = {0, 0, 0, 3, 0, 0.2};
    private static final int MAX = 64;

    /** Replication r draws a shock shared by every point (common random numbers) and a little noise of its own. */
    private static RunResult replication(int point, int r) {
        double shared = new SplittableRandom(1000 + r).nextGaussian() * 20;
        SplittableRandom own = new SplittableRandom(31L * r + point);
        return new RunResult(r, List.of(), List.of(), List.of(), List.of(), Map.of(
                "time_to_unknown", new double[] {MEAN[point] + shared + own.nextGaussian() * 3,
                    MEAN[point] + shared + own.nextGaussian() * 3},
                "false_evictions", new double[] {FALSE_EVICTIONS[point]}), 0);
    }

    private static List<SweepPoint> grid() {
        List<SweepPoint> points = new ArrayList<>();
        for (int p = 0; p < MEAN.length; p++) {
            points.add(new SweepPoint(p, List.of(Integer.toString(p))));
        }
        return points;
    }

    /** Every point at MAX replications; the feasible one with the lowest mean objective. */
    private static int bruteForce(TuneGoal goal) {
        int best = -1;
        double bestMean = Double.POSITIVE_INFINITY;
        for (int p = 0; p < MEAN.length; p++) {
            double objective = 0;
            double fe = 0;
            for (int r = 0; r < MAX; r++) {
                RunResult run = replication(p, r);
                objective += goal.objectiveOf(run.metrics().get("time_to_unknown")) / MAX;
                fe += TuneGoal.meanOf(run.metrics().get("false_evictions")) / MAX;
            }
            if (fe <= goal.constraints().get(0).max() && objective < bestMean) {
                best = p;
                bestMean = objective;
            }
        }
        return best;
    }

    @Test
    void racing_choosesTheBruteForceBest_withFewerReplications_andConfidence() throws Exception {
        TuneGoal goal = TuneGoal.parse("time_to_unknown", List.of("false_evictions<=0.1"));
        AtomicInteger runs = new AtomicInteger();
        Tuner.Outcome o = new Tuner(grid(), goal, (p, r) -> {
            runs.incrementAndGet();
            return replication(p, r);
        }, 4, MAX, MAX * MEAN.length, 2).run();
        assertEquals(1, bruteForce(goal), "95 beats 97 (too many false evictions) and 100");
        assertEquals(bruteForce(goal), o.best());
        assertTrue(o.confident());
        assertEquals("best", o.points().get(1).status());
        assertTrue(o.points().get(3).status().startsWith("out: false_evictions<=0.1 not met"), o.points().get(3).status());
        assertEquals(runs.get(), o.replications());
        assertTrue(o.replications() < MAX * MEAN.length / 2, "racing used " + o.replications() + " replications");
    }

    @Test
    void p99Objective_andNoFeasiblePoint_givesNone() throws Exception {
        TuneGoal goal = TuneGoal.parse("time_to_unknown:p99", List.of("false_evictions<=-1"));
        Tuner.Outcome o = new Tuner(grid(), goal, TunerTest::replication, 4, 8, 8 * MEAN.length, 1).run();
        assertEquals(-1, o.best());
        assertTrue(o.points().stream().noneMatch(Tuner.PointResult::feasible));
    }

    @Test
    void budgetEnds_theSearch_withTheBestSoFarUnconfirmed() throws Exception {
        TuneGoal goal = TuneGoal.parse("time_to_unknown:mean", List.of("false_evictions<=0.1"));
        Tuner.Outcome o = new Tuner(grid(), goal, TunerTest::replication, 2, MAX, 2 * MEAN.length, 1).run();
        assertEquals(2 * MEAN.length, o.replications());
        assertEquals(1, o.best());
        assertTrue(o.points().get(1).status().startsWith("best (not confirmed"), o.points().get(1).status());
        assertEquals("in race", o.points().get(2).status(), "100 is not yet told apart from 95 with two replications");
    }

    @Test
    void badGoals_areRejectedWithTheSyntax() {
        assertEquals("--objective takes METRIC, METRIC:mean or METRIC:p99, got \"m:p50\"",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> TuneGoal.parse("m:p50", List.of())).getMessage());
        assertEquals("--constraint takes METRIC<=X, e.g. false_evictions<=0.05, got \"m<3\"",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> TuneGoal.parse("m", List.of("m<3"))).getMessage());
    }
}
