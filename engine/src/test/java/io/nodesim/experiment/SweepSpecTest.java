package io.nodesim.experiment;

import io.nodesim.scenario.parse.Durations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scenario.SweepSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSpecTest {
    @Test
    void grid_isCartesianProduct_lastAxisFastest() {
        SweepSpec spec = SweepSpec.parse(List.of("a.x=1,2", "b=20s, 40s ,50s"), List.of(), 0);
        assertEquals(List.of("a.x", "b"), spec.parameters());
        List<SweepPoint> points = spec.design(7);
        assertEquals(6, points.size());
        assertEquals(List.of("1", "20s"), points.get(0).values());
        assertEquals(List.of("1", "40s"), points.get(1).values());
        assertEquals(List.of("2", "50s"), points.get(5).values());
        assertEquals(5, points.get(5).index());
        assertEquals(List.of("a.x=2", "b=50s"), points.get(5).overrides(spec.parameters()));
    }

    @Test
    void lhs_usesEveryStratumOncePerRange_andIsSeeded() {
        SweepSpec spec = SweepSpec.parse(List.of(), List.of("k.grace=10s..60s", "k.rate=0.0..1.0"), 10);
        List<SweepPoint> points = spec.design(3);
        assertEquals(10, points.size());
        Set<Integer> graceStrata = new HashSet<>();
        Set<Integer> rateStrata = new HashSet<>();
        for (SweepPoint p : points) {
            String grace = p.values().get(0);
            assertTrue(grace.matches("\\d+(\\.\\d{1,3})?s"), grace);
            double seconds = Double.parseDouble(grace.substring(0, grace.length() - 1));
            graceStrata.add((int) ((seconds - 10) / 5));
            rateStrata.add((int) (Double.parseDouble(p.values().get(1)) * 10));
        }
        assertEquals(10, graceStrata.size(), "each 5 s stratum of 10s..60s once: " + points);
        assertEquals(10, rateStrata.size(), "each 0.1 stratum of 0..1 once: " + points);
        assertEquals(points, spec.design(3));
        assertNotEquals(points, spec.design(4));
    }

    @Test
    void lhs_integerBounds_giveIntegers_crossedWithGrid() {
        SweepSpec spec = SweepSpec.parse(List.of("g=a,b"), List.of("n=10..50"), 4);
        List<SweepPoint> points = spec.design(1);
        assertEquals(8, points.size());
        for (int i = 0; i < 4; i++) {
            assertEquals("a", points.get(i).values().get(0));
            assertEquals("b", points.get(4 + i).values().get(0));
            assertEquals(points.get(i).values().get(1), points.get(4 + i).values().get(1));
            assertTrue(points.get(i).values().get(1).matches("\\d+"));
        }
    }

    @Test
    void lhsRange_valueAt_formatsByKind() {
        assertEquals("35s", LhsRange.parse("p=10s..1m").valueAt(0.5));
        assertEquals("10.001s", LhsRange.parse("p=10s..1m").valueAt(0.00002));
        assertEquals("0.0005s", LhsRange.parse("p=0..1ms").valueAt(0.5));
        assertEquals("0.333333", LhsRange.parse("p=0.0..1").valueAt(1.0 / 3));
        assertEquals("30", LhsRange.parse("p=10..50").valueAt(0.5));
    }

    @Test
    void lhsDurations_readWithTheScenarioDurationSyntax() {
        assertEquals(90_000_000L, Durations.parse("1m30s"));
        assertEquals(2_500_000L, Durations.parse("2.5s"));
        assertEquals(300L, Durations.parse("300us"));
        assertEquals(3_600_000_000L, Durations.parse("1h"));
        assertEquals("90s", Durations.formatSeconds(90_000_000L));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("40"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("4 0s"));
    }

    @Test
    void of_readsTheScenarioSection(@TempDir Path dir) throws Exception {
        SweepSpec spec = SweepSpec.of(section(dir, """
                  vary:
                    kubeControllerManager.node-monitor-grace-period: [20s, 40s]
                    kubeApiServer.default-unreachable-toleration-seconds: "30,300"
                    kubeControllerManager.node-eviction-rate: [0.1, 1]
                  lhs:
                    kubelet.nodeStatusUpdateFrequency: 5s..20s
                  samples: 3
                """));
        assertEquals(List.of("kubeControllerManager.node-monitor-grace-period",
                "kubeApiServer.default-unreachable-toleration-seconds", "kubeControllerManager.node-eviction-rate",
                "kubelet.nodeStatusUpdateFrequency"), spec.parameters());
        assertEquals(List.of("30", "300"), spec.vary().get(1).values());
        assertEquals(List.of("0.1", "1"), spec.vary().get(2).values());
        assertEquals(24, spec.design(0).size());
    }

    @Test
    void of_reportsWhatTheSweepCannotUseAtItsLine(@TempDir Path dir) throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepSpec.of(section(dir, """
                  lhs:
                    a.b: 5..1
                  samples: 2
                """)));
        assertEquals(9, e.line(), e.getMessage());
        assertEquals("sweep.lhs.a.b", e.path());
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
        ScenarioException twice = assertThrows(ScenarioException.class, () -> SweepSpec.of(section(dir, """
                  vary: {a.b: [1, 2]}
                  lhs: {a.b: 1..5}
                  samples: 2
                """)));
        assertTrue(twice.getMessage().contains("varies a.b twice"), twice.getMessage());
    }

    /** A minimal scenario (7 lines) with the given body of a sweep: section (from line 8). */
    private static SweepSection section(Path dir, String body) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                spec:
                  nodes:
                    - name: n
                      zone: a
                sweep:
                """ + body);
        return ScenarioLoader.sweepSection(f).orElseThrow();
    }

    @Test
    void invalidDefinitions_areRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(List.of(), List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(List.of("a=1", "a=2"), List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(List.of("a=1,"), List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(List.of("a"), List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(List.of(), List.of("a=1..2"), 0));
        assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(List.of("a=1"), List.of(), 5));
        assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(List.of(), List.of("a=5..1"), 2));
        assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(List.of(), List.of("a=1..5s"), 2));
    }
}
