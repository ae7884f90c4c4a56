package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.BASE;
import static io.nodesim.scenario.ScenarioFiles.assertError;
import static io.nodesim.scenario.ScenarioFiles.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level sweep: section: read with its positions, and checked by load (so by validate). */
class SweepSectionTest {
    /** BASE has 30 lines: the section starts on line 31. */
    private static final int SWEEP_LINE = 31;

    @TempDir
    Path dir;

    private SweepSection read(String section) {
        return ScenarioLoader.sweepSection(ScenarioFiles.write(dir, "s.yaml", BASE + section)).orElseThrow();
    }

    @Test
    void readsAxesRangesAndSamples_inFileOrder_withTheirPositions() {
        SweepSection s = read("""
                sweep:
                  vary:
                    kubeControllerManager.node-monitor-grace-period: [20s, 40s]
                    kubeControllerManager.node-eviction-rate: "0.1, 1"
                  lhs:
                    kubelet.nodeStatusUpdateFrequency: 5s..20s
                  samples: 3
                """);
        assertEquals(2, s.vary().size());
        assertEquals("kubeControllerManager.node-monitor-grace-period", s.vary().get(0).path());
        assertEquals(List.of("20s", "40s"), s.vary().get(0).values());
        assertEquals(List.of("0.1", "1"), s.vary().get(1).values());
        assertEquals(SWEEP_LINE + 2, s.vary().get(0).at().line());
        assertEquals(54, s.vary().get(0).at().column(), "the [ of the list");
        SweepSection.Range r = s.lhs().get(0);
        assertEquals(List.of("kubelet.nodeStatusUpdateFrequency", "5s", "20s"), List.of(r.path(), r.low(), r.high()));
        assertEquals(SWEEP_LINE + 5, r.at().line());
        assertEquals(3, s.samples());
    }

    @Test
    void aFileWithoutSweep_hasNone() {
        assertTrue(ScenarioLoader.sweepSection(ScenarioFiles.write(dir, "s.yaml", BASE)).isEmpty());
    }

    @Test
    void badShapes_areReportedAtTheirLineByLoad() {
        assertError(fails(dir, BASE + "sweep:\n  varry: {}\n"), SWEEP_LINE + 1, 3, "sweep.varry",
                "did you mean \"vary\"?");
        assertError(fails(dir, BASE + "sweep:\n  vary:\n    a.b: {x: 1}\n"), SWEEP_LINE + 2, 10, "sweep.vary.a.b",
                "expected a value");
        assertError(fails(dir, BASE + "sweep:\n  vary:\n    a.b: []\n"), SWEEP_LINE + 2, 10, "sweep.vary.a.b",
                "no values to vary");
        assertError(fails(dir, BASE + "sweep:\n  vary:\n    a.b: \"1,,2\"\n"), SWEEP_LINE + 2, 10, "sweep.vary.a.b",
                "an empty value");
        assertError(fails(dir, BASE + "sweep:\n  lhs:\n    a.b: 1-5\n  samples: 3\n"), SWEEP_LINE + 2, 10,
                "sweep.lhs.a.b", "expected a range LOW..HIGH");
        assertError(fails(dir, BASE + "sweep:\n  lhs:\n    a.b: 1..5\n"), SWEEP_LINE + 2, 5, "sweep.lhs",
                "lhs ranges need samples");
        assertError(fails(dir, BASE + "sweep:\n  vary: {a.b: [1]}\n  samples: 3\n"), SWEEP_LINE + 2, 12,
                "sweep.samples", "samples applies to lhs ranges");
        assertError(fails(dir, BASE + "sweep: {}\n"), SWEEP_LINE, 8, "sweep", "nothing to sweep");
    }
}
