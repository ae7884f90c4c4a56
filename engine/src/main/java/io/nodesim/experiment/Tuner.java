package io.nodesim.experiment;

import io.nodesim.metrics.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * {@code nodesim tune}'s search: a racing procedure over the points of a grid or Latin hypercube
 * ({@link SweepSpec#design}), with common random numbers. Every point still in the race runs the
 * same replications (replication r draws the same streams at every point, as in {@link Sweep}), a
 * few at first, twice as many each round; after each round a point leaves the race when
 * <ul>
 *   <li>a constraint's 95 % interval lies wholly above its bound (it cannot meet it), or</li>
 *   <li>it is worse than the current best feasible point: a one-sided paired t-test on the
 *       per-replication objective values (commons-math3 {@link TTest#pairedTTest}, paired by
 *       replication: common random numbers make the pairs positively correlated, so the test needs
 *       far fewer replications than unpaired ones) rejects "no worse" at 5 % / (points − 1),
 *       Bonferroni-corrected so that "better than every other" holds with 95 % confidence; a
 *       difference the same in every replication (no variance) is decided by its sign.</li>
 * </ul>
 * The race stops when one point is left (the best is better than the rest with 95 % confidence),
 * or when the replication budget or the per-point maximum is reached (the best so far, not
 * confirmed). "Feasible" is the constraint's mean within its bound.
 */
public final class Tuner {
    /** The confidence with which the chosen point beats every other. */
    public static final double CONFIDENCE = 0.95;

    /** Runs replication {@code replication} of point {@code point}; called from several threads at once. */
    @FunctionalInterface
    public interface Evaluator {
        RunResult run(int point, int replication);
    }

    /** A mean over replications with its 95 % t interval (NaN with fewer than two values). */
    public record Estimate(double mean, double low, double high, int n) {
        static Estimate of(double[] values) {
            double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
            if (v.length == 0) {
                return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            double mean = StatUtils.mean(v);
            double half = Summaries.halfWidth(v.length, v.length > 1 ? Math.sqrt(StatUtils.variance(v)) : 0);
            return new Estimate(mean, mean - half, mean + half, v.length);
        }
    }

    /**
     * One point as the race left it.
     *
     * @param status {@code best}, {@code best (not confirmed: budget)}, {@code in race}, or why it left
     */
    public record PointResult(SweepPoint point, int replications, Estimate objective, List<Estimate> constraints,
            boolean feasible, String status) {
    }

    /**
     * @param best the index of the chosen point, -1 when no point meets the constraints
     * @param confident whether the chosen point beat every other with 95 % confidence
     */
    public record Outcome(List<PointResult> points, int best, boolean confident, int replications) {
    }

    private final List<SweepPoint> points;
    private final TuneGoal goal;
    private final Evaluator evaluator;
    private final int initial;
    private final int maxPerPoint;
    private final int budget;
    private final ParallelTasks tasks;
    private final List<List<Double>> objective = new ArrayList<>();
    private final List<List<List<Double>>> constraint = new ArrayList<>();
    private final String[] status;
    private int used;

    /**
     * @param initial replications per point in the first round (at least 2: a t-test needs them)
     * @param maxPerPoint the most replications a point gets
     * @param budget the most replications of the whole search
     */
    public Tuner(List<SweepPoint> points, TuneGoal goal, Evaluator evaluator, int initial, int maxPerPoint, int budget,
            int threads) {
        this.points = List.copyOf(points);
        this.goal = Objects.requireNonNull(goal, "goal");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        if (initial < 2 || maxPerPoint < initial || budget < initial * points.size()) {
            throw new IllegalArgumentException("tune needs 2 <= initial (" + initial + ") <= max replications per point ("
                    + maxPerPoint + ") and a budget (" + budget + ") of at least initial x points ("
                    + initial * points.size() + ")");
        }
        this.initial = initial;
        this.maxPerPoint = maxPerPoint;
        this.budget = budget;
        this.tasks = new ParallelTasks(threads);
        this.status = new String[points.size()];
        for (int p = 0; p < points.size(); p++) {
            objective.add(new ArrayList<>());
            List<List<Double>> perConstraint = new ArrayList<>();
            goal.constraints().forEach(c -> perConstraint.add(new ArrayList<>()));
            constraint.add(perConstraint);
        }
    }

    public Outcome run() throws InterruptedException {
        int n = initial;
        boolean confident = false;
        while (true) {
            List<Integer> alive = alive();
            int target = Math.min(n, objective.get(alive.get(0)).size() + (budget - used) / alive.size());
            runUpTo(alive, target);
            eliminateInfeasible(alive());
            int best = bestFeasible(alive());
            if (best >= 0) {
                race(best, alive());
            }
            alive = alive();
            if (best >= 0 && alive.size() == 1) {
                confident = true;
                break;
            }
            if (alive.isEmpty() || target >= maxPerPoint || (budget - used) / alive.size() < 1 || target < n) {
                break;
            }
            n = Math.min(2 * n, maxPerPoint);
        }
        int best = bestFeasible(alive());
        if (best >= 0) {
            status[best] = confident ? "best" : "best (not confirmed: budget or max replications reached)";
        }
        List<PointResult> out = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            List<Estimate> cs = new ArrayList<>();
            for (int c = 0; c < goal.constraints().size(); c++) {
                cs.add(Estimate.of(values(constraint.get(p).get(c))));
            }
            out.add(new PointResult(points.get(p), objective.get(p).size(), Estimate.of(values(objective.get(p))), cs,
                    feasible(p), status[p] == null ? "in race" : status[p]));
        }
        return new Outcome(out, best, confident && best >= 0, used);
    }

    private List<Integer> alive() {
        List<Integer> a = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            if (status[p] == null) {
                a.add(p);
            }
        }
        return a;
    }

    /** Every alive point gets replications up to {@code target}: the same indices at every point. */
    private void runUpTo(List<Integer> alive, int target) throws InterruptedException {
        int from = objective.get(alive.get(0)).size();
        int per = target - from;
        if (per <= 0) {
            return;
        }
        RunResult[][] results = new RunResult[alive.size()][per];
        tasks.run(alive.size() * per, t -> evaluator.run(alive.get(t / per), from + t % per),
                (t, r) -> results[t / per][t % per] = r);
        for (int i = 0; i < alive.size(); i++) {
            int p = alive.get(i);
            for (RunResult r : results[i]) {
                objective.get(p).add(goal.objectiveOf(r.metrics().get(goal.metric())));
                for (int c = 0; c < goal.constraints().size(); c++) {
                    constraint.get(p).get(c).add(TuneGoal.meanOf(r.metrics().get(goal.constraints().get(c).metric())));
                }
            }
        }
        used += alive.size() * per;
    }

    private void eliminateInfeasible(List<Integer> alive) {
        for (int p : alive) {
            for (int c = 0; c < goal.constraints().size(); c++) {
                Estimate e = Estimate.of(values(constraint.get(p).get(c)));
                TuneGoal.Constraint k = goal.constraints().get(c);
                if (e.low() > k.max()) {
                    status[p] = "out: " + k + " not met (95 % CI " + fmt(e.low()) + " .. " + fmt(e.high()) + ")";
                    break;
                }
            }
        }
    }

    private boolean feasible(int p) {
        for (int c = 0; c < goal.constraints().size(); c++) {
            double mean = Estimate.of(values(constraint.get(p).get(c))).mean();
            if (!(mean <= goal.constraints().get(c).max())) {
                return false;
            }
        }
        return true;
    }

    /** The alive feasible point with the lowest objective mean (the first on a tie); -1 when none. */
    private int bestFeasible(List<Integer> alive) {
        int best = -1;
        double bestMean = Double.POSITIVE_INFINITY;
        for (int p : alive) {
            double m = Estimate.of(values(objective.get(p))).mean();
            if (feasible(p) && m < bestMean) {
                best = p;
                bestMean = m;
            }
        }
        return best;
    }

    private void race(int best, List<Integer> alive) {
        double alpha = (1 - CONFIDENCE) / Math.max(1, points.size() - 1);
        for (int q : alive) {
            if (q == best) {
                continue;
            }
            double[][] pairs = pairs(objective.get(q), objective.get(best));
            if (pairs[0].length < 2) {
                continue;
            }
            double[] diff = new double[pairs[0].length];
            for (int i = 0; i < diff.length; i++) {
                diff[i] = pairs[0][i] - pairs[1][i];
            }
            double mean = StatUtils.mean(diff);
            if (mean <= 0) {
                continue;
            }
            if (StatUtils.variance(diff) == 0) {
                status[q] = "out: worse than point " + best + " by " + fmt(mean) + " in every replication";
                continue;
            }
            double p = new TTest().pairedTTest(pairs[0], pairs[1]) / 2;
            if (p < alpha) {
                status[q] = "out: worse than point " + best + " by " + fmt(mean) + " (paired t-test, one-sided p = "
                        + String.format(java.util.Locale.ROOT, "%.2g", p) + ")";
            }
        }
    }

    /** The replications where both points have a value, as two aligned arrays. */
    private static double[][] pairs(List<Double> a, List<Double> b) {
        int n = Math.min(a.size(), b.size());
        double[] x = new double[n];
        double[] y = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(a.get(i)) && Double.isFinite(b.get(i))) {
                x[k] = a.get(i);
                y[k] = b.get(i);
                k++;
            }
        }
        return new double[][] {Arrays.copyOf(x, k), Arrays.copyOf(y, k)};
    }

    private static double[] values(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String fmt(double v) {
        return io.nodesim.metrics.CsvCells.decimal(v);
    }
}
