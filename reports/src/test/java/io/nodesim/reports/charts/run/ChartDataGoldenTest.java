package io.nodesim.reports.charts.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.metrics.EndpointChange;
import io.nodesim.metrics.RunResult;
import io.nodesim.reports.Fixtures;
import io.nodesim.reports.charts.ChartInput;
import io.nodesim.reports.charts.Series;
import io.nodesim.reports.charts.run.PhaseBreakdownData.Bar;
import io.nodesim.reports.charts.run.RunTimelineData.FaultWindow;
import io.nodesim.reports.charts.run.RunTimelineData.Timeline;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data behind each chart, exactly, for the tiny result; properties for the empty and large ones. */
class ChartDataGoldenTest {
    private static final ChartInput TINY =
            new ChartInput(Fixtures.tinyScenario(), List.of(Fixtures.tinyResult()), Fixtures.tinySummaries());
    private static final ChartInput EMPTY =
            new ChartInput(Fixtures.emptyScenario(), List.of(Fixtures.emptyResult()), List.of());
    private static final RunResult LARGE_RUN = Fixtures.largeResult();
    private static final ChartInput LARGE = new ChartInput(Fixtures.largeScenario(), List.of(LARGE_RUN), List.of());

    private static List<String> text(List<Series> series) {
        return series.stream().map(Series::toString).toList();
    }

    @Test
    void recoveryCdf_tiny() {
        assertEquals(List.of(
                "time to Unknown (n=1): (45.123, 0.0) (45.123, 1.0)",
                "time to NoExecute taint (n=1): (45.2, 0.0) (45.2, 1.0)",
                "time to pod deletion (n=2): (345.21, 0.0) (345.21, 0.5) (345.211, 1.0)",
                "time to replacement Ready (n=1): (352.4005, 0.0) (352.4005, 1.0)"),
                text(RecoveryCdfData.of(TINY)));
    }

    @Test
    void recoveryCdf_poolsReplications() {
        RunResult r0 = Fixtures.tinyResult();
        RunResult r1 = new RunResult(1, List.of(), List.of(), List.of(), List.of(),
                java.util.Map.of("time_to_unknown", new double[] {40.0, 50.0}), 0);
        List<Series> s = RecoveryCdfData.of(new ChartInput(Fixtures.tinyScenario(), List.of(r0, r1), List.of()));
        assertEquals("time to Unknown (n=3): (40.0, 0.0) (40.0, 0.3333333333333333) (45.123, 0.6666666666666666)"
                + " (50.0, 1.0)", s.get(0).toString());
    }

    @Test
    void recoveryCdf_emptyHasNoSeries_largeIsThinnedButExactAtItsPoints() {
        assertEquals(List.of(), RecoveryCdfData.of(EMPTY));
        List<Series> large = RecoveryCdfData.of(LARGE);
        assertEquals(4, large.size());
        for (Series s : large) {
            assertTrue(s.size() <= RecoveryCdfData.MAX_POINTS + 2, s.name() + ": " + s.size());
            double[] y = s.y();
            assertEquals(1.0, y[y.length - 1]);
            for (int i = 1; i < y.length; i++) {
                assertTrue(y[i] >= y[i - 1]);
            }
        }
        double[] unknown = LARGE_RUN.metrics().get("time_to_unknown").clone();
        Arrays.sort(unknown);
        Series u = large.get(0);
        assertEquals(unknown[0], u.x()[0]);
        assertEquals(unknown[unknown.length - 1], u.x()[u.size() - 1]);
        assertEquals("time to Unknown (n=1667)", u.name());
    }

    @Test
    void timeline_tiny() {
        Timeline t = RunTimelineData.of(TINY).orElseThrow();
        assertEquals(0, t.replication());
        assertEquals(600.0, t.endSeconds());
        assertEquals(List.of(
                "ready nodes: (0.0, 3.0) (55.123, 2.0) (600.0, 2.0)",
                "not-ready nodes: (0.0, 0.0) (55.123, 1.0) (600.0, 1.0)"), text(t.nodes()));
        assertEquals(List.of(
                "ready pods: web: (0.0, 2.0) (55.13, 1.0) (362.4005, 2.0) (600.0, 2.0)",
                "ready pods: solo: (0.0, 1.0) (55.131, 0.0) (600.0, 0.0)",
                "pending pods: (0.0, 0.0) (355.3, 1.0) (355.35, 0.0) (600.0, 0.0)"), text(t.pods()));
        assertEquals(List.of(
                "NoExecute taints so far: (0.0, 0.0) (55.2, 1.0) (600.0, 1.0)",
                "pod deletions so far: (0.0, 0.0) (355.21, 1.0) (355.211, 2.0) (600.0, 2.0)"), text(t.moments()));
        assertEquals(List.of(new FaultWindow("NodeCrash", 10.0, 600.0)), t.faults());
    }

    @Test
    void timeline_readyEndpointsBesideReadyPods_whenTheRunTrackedThem() {
        RunResult tiny = Fixtures.tinyResult();
        RunResult run = new RunResult(0, tiny.nodes(), tiny.pods(), tiny.workloads(), tiny.events(), tiny.metrics(),
                tiny.eventsFired(), List.of(new EndpointChange(55_231_000L, "web", -1),
                        new EndpointChange(362_500_000L, "web", 1)));
        Timeline t = RunTimelineData.of(Fixtures.tinyScenario(), run);
        assertEquals(List.of(
                "ready pods: web: (0.0, 2.0) (55.13, 1.0) (362.4005, 2.0) (600.0, 2.0)",
                "ready endpoints: web: (0.0, 2.0) (55.231, 1.0) (362.5, 2.0) (600.0, 2.0)",
                "ready pods: solo: (0.0, 1.0) (55.131, 0.0) (600.0, 0.0)",
                "pending pods: (0.0, 0.0) (355.3, 1.0) (355.35, 0.0) (600.0, 0.0)"), text(t.pods()));
    }

    @Test
    void timeline_noRunsIsEmpty_emptyRunIsFlat() {
        assertTrue(RunTimelineData.of(new ChartInput(Fixtures.emptyScenario(), List.of(), List.of())).isEmpty());
        Timeline t = RunTimelineData.of(EMPTY).orElseThrow();
        assertEquals("ready nodes: (0.0, 1.0) (60.0, 1.0)", t.nodes().get(0).toString());
        assertEquals(List.of(), t.pods());
        assertEquals(List.of(), t.faults());
    }

    @Test
    void timeline_large_countsAddUpAndLinesStayDrawable() {
        Timeline t = RunTimelineData.of(LARGE).orElseThrow();
        double[] ready = t.nodes().get(0).y();
        double[] down = t.nodes().get(1).y();
        for (int i = 0; i < ready.length; i++) {
            assertEquals(5000.0, ready[i] + down[i]);
        }
        assertEquals(1667.0, Arrays.stream(down).max().orElseThrow(), "all of zone a is down at once");
        assertEquals(5000.0, ready[ready.length - 1], "zone a is back by the end");
        assertEquals(List.of("ready pods: svc-0", "ready pods: svc-1", "ready pods: svc-2", "ready pods: svc-3",
                "ready pods: svc-4", "pending pods"), t.pods().stream().map(Series::name).toList());
        for (Series s : t.pods()) {
            assertTrue(s.size() <= RunTimelineData.MAX_POINTS, s.name() + " " + s.size());
        }
        double[] deletions = t.moments().get(1).y();
        assertEquals(LARGE_RUN.pods().stream().filter(p -> p.deletedAt() != Long.MAX_VALUE).count(),
                (long) deletions[deletions.length - 1]);
        assertEquals(List.of(new FaultWindow("ZoneOutage", 600.0, 1800.0)), t.faults());
    }

    @Test
    void timeline_workloadsBeyondTheLimitShareOneLine() {
        List<io.nodesim.metrics.WorkloadRecord> ws = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ws.add(new io.nodesim.metrics.WorkloadRecord("w" + i, "Deployment", 10 + i, Long.MAX_VALUE, Long.MAX_VALUE,
                    10 + i, 0, 1.0));
        }
        RunResult run = new RunResult(0, List.of(), List.of(), ws, List.of(), java.util.Map.of(), 0);
        Timeline t = RunTimelineData.of(new ChartInput(Fixtures.tinyScenario(), List.of(run), List.of())).orElseThrow();
        assertEquals(List.of("ready pods: w8", "ready pods: w7", "ready pods: w6", "ready pods: w5", "ready pods: w4",
                "ready pods: w3", "ready pods: 3 other workloads"), t.pods().stream().map(Series::name).toList());
        assertEquals(10 + 11 + 12, t.pods().get(6).y()[0]);
    }

    @Test
    void taintStaircase_tiny() {
        assertEquals(List.of("zone a: (10.0, 0.0) (55.2, 1.0)"), text(TaintStaircaseData.of(TINY)));
        assertEquals(List.of(), TaintStaircaseData.of(EMPTY));
    }

    @Test
    void taintStaircase_large_stepsAreTheRateLimitersTokens() {
        List<Series> zones = TaintStaircaseData.of(LARGE);
        assertEquals(1, zones.size());
        Series a = zones.get(0);
        assertEquals("zone a", a.name());
        double[] x = a.x();
        double[] y = a.y();
        assertEquals(600.0, x[0]);
        long tainted = LARGE_RUN.nodes().stream().filter(n -> n.noExecuteTaintAt() != Long.MAX_VALUE).count();
        assertEquals(tainted + 1, a.size(), "the start point, then one step per taint");
        assertEquals((double) tainted, y[y.length - 1]);
        // from the third taint on (after the FullDisruption swap) the steps are 10.0 or 10.1 s apart
        for (int i = 3; i < x.length; i++) {
            double gap = x[i] - x[i - 1];
            assertTrue(gap > 9.999 && gap < 10.101, "gap " + gap + " at step " + i);
        }
    }

    @Test
    void phaseBreakdown_tiny_onlyCompleteChainsCount() {
        List<Bar> bars = PhaseBreakdownData.of(TINY);
        assertEquals(1, bars.size(), "solo was never replaced, so only web has a bar");
        assertEquals("web", bars.get(0).category());
        assertEquals(1, bars.get(0).pods());
        assertArrayEquals(new double[] {45.123, 0.077, 300.01, 0.14, 0, 7.0505}, bars.get(0).meanSeconds(), 1e-9);
        assertEquals(List.of(), PhaseBreakdownData.of(EMPTY));
    }

    @Test
    void phaseBreakdown_large_barPerWorkloadPlusAll_andPhasesSumToTheRecoveryTime() {
        List<Bar> bars = PhaseBreakdownData.of(LARGE);
        assertEquals(List.of("svc-0", "svc-1", "svc-2", "svc-3", "svc-4", "all pods"),
                bars.stream().map(Bar::category).toList());
        Bar all = bars.get(5);
        assertEquals(850, all.pods());
        double meanReplacement = Arrays.stream(LARGE_RUN.metrics().get("time_to_replacement_ready")).average()
                .orElseThrow();
        assertEquals(meanReplacement, Arrays.stream(all.meanSeconds()).sum(), 1e-6);
        assertEquals(300.05, all.meanSeconds()[2], 1e-6, "toleration wait is tolerationSeconds + the watch delay");
    }
}
