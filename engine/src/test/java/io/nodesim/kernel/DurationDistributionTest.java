package io.nodesim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DurationDistributionTest {
    private static final int SAMPLES = 100_000;

    /**
     * Every factory, with the relative tolerance on the sample mean of 100k draws. The tolerances are
     * about 4 standard errors (coefficient of variation / sqrt(100k) = CV * 0.32%), so a correct
     * sampler fails with a fixed seed essentially never, and a wrong mean (off by a few %) fails.
     */
    static Stream<Arguments> distributions() {
        return Stream.of(
                Arguments.of(DurationDistribution.constant(20_000), 0.0),
                Arguments.of(DurationDistribution.uniform(10_000, 100_000), 0.01),
                Arguments.of(DurationDistribution.exponential(SimTime.seconds(5)), 0.015),
                Arguments.of(DurationDistribution.normal(40_000, 10_000), 0.01),
                // Truncation matters here: the untruncated mean would be 10 ms, the truncated one ~14.5 ms.
                Arguments.of(DurationDistribution.normal(10_000, 10_000), 0.015),
                Arguments.of(DurationDistribution.normal(0, 5_000), 0.015),
                Arguments.of(DurationDistribution.lognormal(SimTime.millis(200), 0.5), 0.01),
                Arguments.of(DurationDistribution.weibull(1.5, SimTime.seconds(30)), 0.01),
                Arguments.of(DurationDistribution.gamma(2.0, SimTime.millis(300)), 0.01),
                Arguments.of(DurationDistribution.empirical("latencies.csv", new long[] {0, 5, 10, 400, 1000}), 0.015));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void samplesAreNonNegativeAndAverageToTheMean(DurationDistribution d, double relativeTolerance) {
        RandomGenerator rng = new RandomStreams(2024, 0).stream(d.spec());
        double sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long x = d.sample(rng);
            assertTrue(x >= 0, () -> d.spec() + " sampled " + x);
            sum += x;
        }
        double mean = sum / SAMPLES;
        assertEquals(d.mean(), mean, relativeTolerance * d.mean() + 1e-9, d.spec());
    }

    @Test
    void truncatedNormalMeanIsTheConditionalMean() {
        // Half-normal: sd * sqrt(2 / pi).
        assertEquals(5_000 * Math.sqrt(2 / Math.PI), DurationDistribution.normal(0, 5_000).mean(), 1e-6);
        assertEquals(40_000, DurationDistribution.normal(40_000, 0).mean());
        assertEquals(40_000, DurationDistribution.normal(40_000, 0).sample(new RandomStreams(1, 0).stream("n")));
    }

    @Test
    void uniformBoundsAreInclusiveAndEveryValueOccurs() {
        DurationDistribution d = DurationDistribution.uniform(3, 7);
        RandomGenerator rng = new RandomStreams(1, 0).stream("uniform");
        int[] counts = new int[8];
        for (int i = 0; i < 50_000; i++) {
            counts[(int) d.sample(rng)]++;
        }
        assertEquals(0, counts[0] + counts[1] + counts[2]);
        for (int v = 3; v <= 7; v++) {
            // 10,000 expected each; 5 standard deviations is about 450.
            assertEquals(10_000, counts[v], 450, "value " + v);
        }
        assertEquals(9, DurationDistribution.uniform(9, 9).sample(rng));
    }

    @Test
    void specsGiveTheScenarioSyntaxBackInExactSeconds() {
        assertEquals("constant(0.02s)", DurationDistribution.constant(20_000).spec());
        assertEquals("constant(0s)", DurationDistribution.constant(0).spec());
        assertEquals("constant(0.0015s)", DurationDistribution.constant(1_500).spec());
        assertEquals("uniform(0.01s, 100s)", DurationDistribution.uniform(10_000, 100_000_000).spec());
        assertEquals("exponential(5s)", DurationDistribution.exponential(5_000_000).spec());
        assertEquals("normal(0.04s, 0.01s)", DurationDistribution.normal(40_000, 10_000).spec());
        assertEquals("lognormal(0.2s, 0.5)", DurationDistribution.lognormal(200_000, 0.5).spec());
        assertEquals("weibull(1.5, 30s)", DurationDistribution.weibull(1.5, 30_000_000).spec());
        assertEquals("gamma(2.0, 0.3s)", DurationDistribution.gamma(2.0, 300_000).spec());
        assertEquals("empirical(latencies.csv)", DurationDistribution.empirical("latencies.csv", new long[] {1}).spec());
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DurationDistribution.constant(-1));
        assertThrows(IllegalArgumentException.class, () -> DurationDistribution.uniform(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> DurationDistribution.uniform(6, 5));
        assertThrows(IllegalArgumentException.class, () -> DurationDistribution.exponential(0));
        assertThrows(IllegalArgumentException.class, () -> DurationDistribution.normal(1, -1));
        assertThrows(IllegalArgumentException.class, () -> DurationDistribution.lognormal(0, 1));
        assertThrows(IllegalArgumentException.class, () -> DurationDistribution.lognormal(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> DurationDistribution.weibull(0, 1));
        assertThrows(IllegalArgumentException.class, () -> DurationDistribution.gamma(1, 0));
        assertThrows(IllegalArgumentException.class, () -> DurationDistribution.empirical("none", new long[0]));
        assertThrows(IllegalArgumentException.class, () -> DurationDistribution.empirical("neg", new long[] {-3}));
    }

    @Test
    void bounds_areTheSupport_unboundedWhenTheTailIs() {
        var rng = new org.apache.commons.math3.random.Well19937c(3);
        DurationDistribution uniform = DurationDistribution.uniform(10, 100);
        DurationDistribution empirical = DurationDistribution.empirical("s", new long[] {40, 7, 90});
        for (DurationDistribution d : new DurationDistribution[] {uniform, empirical}) {
            for (int i = 0; i < 10_000; i++) {
                long x = d.sample(rng);
                assertTrue(x >= d.min() && x <= d.max(), d.spec() + " gave " + x);
            }
        }
        assertEquals(10, uniform.min());
        assertEquals(100, uniform.max());
        assertEquals(7, empirical.min());
        assertEquals(90, empirical.max());
        assertEquals(5, DurationDistribution.constant(5).min());
        assertEquals(5, DurationDistribution.constant(5).max());
        assertEquals(Long.MAX_VALUE, DurationDistribution.exponential(5).max());
        assertEquals(Long.MAX_VALUE, DurationDistribution.lognormal(5, 0.5).max());
        assertEquals(Long.MAX_VALUE, DurationDistribution.normal(5, 1).max());
    }
}
