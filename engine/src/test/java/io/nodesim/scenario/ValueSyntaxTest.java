package io.nodesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.parse.DidYouMean;
import io.nodesim.scenario.parse.Distributions;
import io.nodesim.scenario.parse.Durations;
import io.nodesim.scenario.parse.QuantitySyntax;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueSyntaxTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"40s, 40000000", "1m30s, 90000000", "5m, 300000000", "100ms, 100000", "1.5s, 1500000",
        "2h, 7200000000", "0, 0", "1h2m3.5s, 3723500000", "250us, 250", "1500ns, 2", ".5s, 500000", "+3s, 3000000"})
    void goDurations(String text, long micros) {
        assertEquals(micros, Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"40", "-5s", "5 s", "s", "5x", "1m-3s", "", "1.2.3s", "."})
    void badDurations(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }

    @Test
    void durationsPrintLikeGo() {
        assertEquals("1m30s", Durations.format(90 * SimTime.SECOND));
        assertEquals("40s", Durations.format(40 * SimTime.SECOND));
        assertEquals("20ms", Durations.format(20 * SimTime.MILLISECOND));
        assertEquals("1h0m0s", Durations.format(SimTime.HOUR));
    }

    @ParameterizedTest
    @CsvSource({"500m, 0.5", "8Gi, 8589934592", "110, 110", "1e3, 1000", "512Mi, 536870912", "2k, 2000", "0.5, 0.5"})
    void quantities(String text, String value) {
        assertEquals(0, new BigDecimal(value).compareTo(io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
                QuantitySyntax.parse(text))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8GB", "4 cores", "m", "1.2.3", "-1", "Gi", "1Qi"})
    void badQuantities(String text) {
        assertThrows(IllegalArgumentException.class, () -> QuantitySyntax.parse(text));
    }

    @Test
    void distributionsMapToTheKernelFactories() {
        assertEquals(DurationDistribution.constant(20_000), Distributions.parse("constant(20ms)", dir));
        assertEquals(DurationDistribution.uniform(10_000, 100_000), Distributions.parse("uniform(10ms, 100ms)", dir));
        assertEquals(DurationDistribution.constant(2 * SimTime.SECOND), Distributions.parse("2s", dir));
        assertEquals(3e6 * Math.exp(0.125), Distributions.parse("lognormal(3s, 0.5)", dir).mean(), 1e-6);
        assertEquals(60e6, Distributions.parse("exponential(1m)", dir).mean(), 1e-6);
        // truncated at 0: mean + sd * phi(4) / Phi(4) = 4 s + 133.83 us
        assertEquals(4e6 + 133.834, Distributions.parse("normal(4s, 1s)", dir).mean(), 1e-3);
        assertEquals(2 * 3e6, Distributions.parse("gamma(2, 3s)", dir).mean(), 1e-6);
        assertEquals(10e6, Distributions.parse("weibull(1, 10s)", dir).mean(), 1e-3);
    }

    @Test
    void empiricalSamplesAndHistograms() throws Exception {
        Files.writeString(dir.resolve("s.csv"), "seconds\n1\n2\n3\n");
        DurationDistribution s = Distributions.parse("empirical(s.csv)", dir);
        assertEquals(2e6, s.mean(), 1e-9);
        Files.writeString(dir.resolve("h.csv"), "value,count\n1,3\n5,1\n");
        DurationDistribution h = Distributions.parse("empirical(h.csv)", dir);
        assertEquals(2e6, h.mean(), 1e-9);
        Well19937c rng = new Well19937c(1);
        for (int i = 0; i < 100; i++) {
            long x = h.sample(rng);
            assertTrue(x == 1_000_000 || x == 5_000_000);
        }
        Files.writeString(dir.resolve("bad.csv"), "1\nx\n");
        assertThrows(IllegalArgumentException.class, () -> Distributions.parse("empirical(bad.csv)", dir));
        assertThrows(IllegalArgumentException.class, () -> Distributions.parse("empirical(none.csv)", dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform(2s)", "uniform(2s, 1s)", "lognormal(3s, x)", "poisson(1s)", "constant(-1s)",
        "gamma(0, 1s)", "normal(1s, 2)", "uniform(1s, 2s"})
    void badDistributions(String text) {
        assertThrows(IllegalArgumentException.class, () -> Distributions.parse(text, dir));
    }

    @Test
    void didYouMean() {
        List<String> flags = List.of("node-monitor-period", "node-monitor-grace-period", "node-eviction-rate");
        assertEquals("node-monitor-grace-period", DidYouMean.closest("node-monitor-grace", flags));
        assertEquals("node-eviction-rate", DidYouMean.closest("node-evictoin-rate", flags));
        assertEquals("node-monitor-period", DidYouMean.closest("Node-Monitor-Period", flags));
        assertNull(DidYouMean.closest("completely-different", flags));
    }
}
