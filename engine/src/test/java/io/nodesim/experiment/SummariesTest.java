package io.nodesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummariesTest {
    private static final double EPS = 1e-6;

    /**
     * Hand-computed: pooled {1,2,3,4,6}: mean 3.2, variance 14.8/4 = 3.7; R-7 percentiles at rank
     * 1 + 4p: p50 = 3, p90 = 4 + 0.6·2 = 5.2, p99 = 4 + 0.96·2 = 5.92. Replication means 2 and 5:
     * centre 3.5, s = √4.5, half-width t(0.975, 1)·s/√2 = 12.7062047·1.5.
     */
    @Test
    void summarize_twoReplications_goldenValues() {
        MetricSummary s = Summaries.summarize(List.of(
                Fakes.result(0, "m", 1, 2, 3), Fakes.result(1, "m", 4, 6))).get(0);
        assertEquals("m", s.metric());
        assertEquals(5, s.count());
        assertEquals(3.2, s.mean(), EPS);
        assertEquals(Math.sqrt(3.7), s.stddev(), EPS);
        assertEquals(3.5 - 12.7062047 * 1.5, s.ci95Low(), 1e-5);
        assertEquals(3.5 + 12.7062047 * 1.5, s.ci95High(), 1e-5);
        assertEquals(1, s.min(), EPS);
        assertEquals(3, s.p50(), EPS);
        assertEquals(5.2, s.p90(), EPS);
        assertEquals(5.92, s.p99(), EPS);
        assertEquals(6, s.max(), EPS);
    }

    /** One replication: the interval is over its samples, {1,2,3,4}: 2.5 ± 3.1824463·√(5/3)/2. */
    @Test
    void summarize_singleReplication_intervalOverSamples() {
        MetricSummary s = Summaries.summarize(List.of(Fakes.result(0, "m", 4, 1, 3, 2))).get(0);
        double half = 3.1824463 * Math.sqrt(5.0 / 3) / 2;
        assertEquals(2.5 - half, s.ci95Low(), 1e-6);
        assertEquals(2.5 + half, s.ci95High(), 1e-6);
    }

    @Test
    void summarize_tooFewObservations_nanInterval() {
        MetricSummary one = Summaries.summarize(List.of(Fakes.result(0, "m", 7))).get(0);
        assertTrue(Double.isNaN(one.ci95Low()) && Double.isNaN(one.stddev()));
        assertEquals(7, one.p99(), EPS);
        // two replications, only one of which has samples: one replication mean, no interval
        MetricSummary k1 = Summaries.summarize(List.of(Fakes.result(0, "m", 1, 2), Fakes.result(1, "m"))).get(0);
        assertEquals(2, k1.count());
        assertTrue(Double.isNaN(k1.ci95High()));
        MetricSummary none = Summaries.summarize(List.of(Fakes.result(0, "m"), Fakes.result(1, "m"))).get(0);
        assertEquals(0, none.count());
        assertTrue(Double.isNaN(none.mean()) && Double.isNaN(none.p50()));
    }

    @Test
    void summarize_metricOrder_firstRunThenNewInOrderOfAppearance() {
        Map<String, double[]> first = new LinkedHashMap<>();
        first.put("z", new double[] {1});
        first.put("a", new double[] {1});
        Map<String, double[]> second = new LinkedHashMap<>();
        second.put("b", new double[] {1});
        second.put("a", new double[] {1});
        second.put("c", new double[] {1});
        List<String> names = Summaries.summarize(List.of(Fakes.result(0, first), Fakes.result(1, second)))
                .stream().map(MetricSummary::metric).toList();
        assertEquals(List.of("z", "a", "b", "c"), names);
    }

    @Test
    void summarize_nonFiniteSample_rejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Summaries.summarize(List.of(Fakes.result(0, "m", 1, Double.NaN))));
    }

    /**
     * Coverage: 200 experiments of 10 replications × 20 exponential samples of mean 10 s. The mean of
     * 20 exponentials is skewed, so the t interval covers a little under 95 %; a 90–99 % band is
     * about ±3 binomial standard deviations (√(0.95·0.05/200) = 1.5 %) around it.
     */
    @Test
    void confidenceInterval_acrossReplications_coversKnownMeanAbout95Percent() {
        ReplicationRunner runner = Fakes.exponential(20);
        int covered = 0;
        for (int experiment = 0; experiment < 200; experiment++) {
            List<RunResult> runs = new ArrayList<>();
            for (int r = 0; r < 10; r++) {
                runs.add(runner.run(Fakes.scenario(1000 + experiment, 10, ""), r));
            }
            MetricSummary s = Summaries.summarize(runs).get(0);
            if (s.ci95Low() <= 10 && 10 <= s.ci95High()) {
                covered++;
            }
        }
        assertTrue(covered >= 180 && covered <= 198, "covered " + covered + " of 200");
    }

    /** One replication of 100 independent samples: the interval over samples covers about 95 %. */
    @Test
    void confidenceInterval_singleReplication_coversKnownMeanAbout95Percent() {
        ReplicationRunner runner = Fakes.exponential(100);
        int covered = 0;
        for (int experiment = 0; experiment < 200; experiment++) {
            MetricSummary s = Summaries.summarize(List.of(runner.run(Fakes.scenario(5000 + experiment, 1, ""), 0)))
                    .get(0);
            if (s.ci95Low() <= 10 && 10 <= s.ci95High()) {
                covered++;
            }
        }
        assertTrue(covered >= 180 && covered <= 198, "covered " + covered + " of 200");
    }
}
