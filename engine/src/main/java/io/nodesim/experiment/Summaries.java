package io.nodesim.experiment;

import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The rows of summary.csv: one {@link MetricSummary} per metric over a set of replications.
 *
 * <p><b>Pooled statistics.</b> count, mean, stddev (sample, n - 1), min, max and the percentiles are
 * over every sample of every replication together: "the 99th percentile time to replacement Ready of
 * any pod in any replication". Percentiles use commons-math3 {@link Percentile} with estimation type
 * {@link EstimationType#R_7} (linear interpolation between closest ranks: R's and NumPy's default,
 * Excel's PERCENTILE.INC), chosen explicitly because the commons-math3 default ("legacy") is not
 * what users compare against.
 *
 * <p><b>The 95 % confidence interval</b> is a Student-t interval on the expected value of the metric:
 * <ul>
 *   <li>With two or more replications, it is over the <i>replication means</i>: each replication
 *       that produced at least one sample contributes its mean as one observation, and the interval
 *       is {@code m ± t(0.975, k-1) * s / sqrt(k)} with m, s the mean and standard deviation of the k
 *       replication means. Replications are independent (each has its own streams), their means are
 *       the i.i.d. observations the t interval needs; the samples inside one run are not (the pods of
 *       one outage share the same detection and the same rate limiter). NaN when k &lt; 2. The
 *       interval is centred on the mean of replication means, which equals the pooled {@code mean}
 *       when every replication has the same number of samples, and differs a little when not.</li>
 *   <li>With a single replication the only data are its samples, and the interval is the t interval
 *       over them ({@code n = count}, NaN when count &lt; 2). It describes that run's samples and is
 *       narrower than the truth when the samples are correlated, as they usually are; run
 *       replications for an interval about the scenario.</li>
 * </ul>
 *
 * <p>Metric order: the order of the first run's metric map, then metrics first seen in later runs, in
 * order of appearance. Runs are taken in the order given (callers pass replication order).
 */
public final class Summaries {
    /** The confidence level of every interval. */
    public static final double CONFIDENCE = 0.95;

    private Summaries() {
    }

    /** One summary per metric, in stable order; a metric with no samples gets count 0 and NaNs. */
    public static List<MetricSummary> summarize(List<RunResult> runs) {
        Map<String, List<double[]>> byMetric = new LinkedHashMap<>();
        for (RunResult run : runs) {
            for (Map.Entry<String, double[]> e : run.metrics().entrySet()) {
                byMetric.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
            }
        }
        List<MetricSummary> out = new ArrayList<>(byMetric.size());
        for (Map.Entry<String, List<double[]>> e : byMetric.entrySet()) {
            out.add(summarize(e.getKey(), e.getValue(), runs.size() > 1));
        }
        return out;
    }

    /** Half-width of the 95 % t interval with {@code n} observations of standard deviation {@code sd}. */
    static double halfWidth(int n, double sd) {
        if (n < 2) {
            return Double.NaN;
        }
        // null generator: the distribution is only inverted, never sampled, so no RNG is needed
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
        return t * sd / Math.sqrt(n);
    }

    private static MetricSummary summarize(String metric, List<double[]> perRun, boolean acrossReplications) {
        int count = 0;
        for (double[] samples : perRun) {
            count += samples.length;
        }
        if (count == 0) {
            double nan = Double.NaN;
            return new MetricSummary(metric, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan);
        }
        double[] pooled = new double[count];
        double[] runMeans = new double[perRun.size()];
        int k = 0;
        int at = 0;
        for (double[] samples : perRun) {
            for (double x : samples) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("metric " + metric + " has a non-finite sample: " + x);
                }
            }
            System.arraycopy(samples, 0, pooled, at, samples.length);
            at += samples.length;
            if (samples.length > 0) {
                runMeans[k++] = StatUtils.mean(samples);
            }
        }
        double mean = StatUtils.mean(pooled);
        double stddev = count > 1 ? Math.sqrt(StatUtils.variance(pooled, mean)) : Double.NaN;

        double centre;
        double half;
        if (acrossReplications) {
            centre = StatUtils.mean(runMeans, 0, k);
            half = k > 1 ? halfWidth(k, Math.sqrt(StatUtils.variance(runMeans, 0, k))) : Double.NaN;
        } else {
            centre = mean;
            half = halfWidth(count, stddev);
        }

        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(pooled);
        return new MetricSummary(metric, count, mean, stddev, centre - half, centre + half,
                StatUtils.min(pooled), percentile.evaluate(50), percentile.evaluate(90), percentile.evaluate(99),
                StatUtils.max(pooled));
    }
}
