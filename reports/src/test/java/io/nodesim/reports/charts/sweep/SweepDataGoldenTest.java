package io.nodesim.reports.charts.sweep;

import static io.nodesim.reports.charts.sweep.SweepFixtures.GRACE;
import static io.nodesim.reports.charts.sweep.SweepFixtures.TOLERATION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.reports.charts.sweep.HeatmapData.Grid;
import io.nodesim.reports.charts.sweep.ParameterEffectData.Effect;
import io.nodesim.reports.charts.sweep.ParameterEffectData.Panel;
import io.nodesim.reports.charts.sweep.SweepResults.Kind;
import io.nodesim.reports.charts.sweep.SweepResults.Stat;
import io.nodesim.reports.charts.sweep.TradeOffData.Point;
import io.nodesim.reports.charts.sweep.TradeOffData.TradeOff;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The data behind each sweep chart, exactly, for hand-written tables. */
class SweepDataGoldenTest {
    private static final SweepResults GRID = SweepFixtures.gridResults();
    private static final SweepResults TINY = SweepFixtures.tinyResults();

    private static List<String> text(Panel panel) {
        return panel.series().stream().map(IntervalSeries::toString).toList();
    }

    @Test
    void results_readBackEveryCell() {
        assertEquals(List.of(GRACE, TOLERATION), GRID.parameters());
        assertEquals(List.of("time_to_unknown", "time_to_pod_deletion", "time_to_dead_pod_deletion", "false_evictions"),
                GRID.metrics());
        assertEquals(6, GRID.size());
        assertEquals(List.of("40s", "30"), GRID.values(4));
        assertEquals(new Stat(55, 54, 56, 55, 57), GRID.stat(3, "time_to_pod_deletion"));
        assertFalse(GRID.stat(4, "time_to_dead_pod_deletion").present(), "an empty cell is NaN");
        assertFalse(GRID.stat(0, "no_such_metric").present());
        Stat noInterval = TINY.stat(0, "time_to_pod_deletion");
        assertEquals(25.5, noInterval.mean());
        assertTrue(Double.isNaN(noInterval.ci95Low()) && Double.isNaN(noInterval.ci95High()));
    }

    @Test
    void results_placeDurationsInSecondsNumbersAsTheyAreAndTheRestInSlots() {
        assertEquals(Kind.DURATION, GRID.kind(0));
        assertArrayEquals(new double[] {20, 20, 20, 40, 40, 40}, GRID.positions(0));
        assertEquals(Kind.NUMBER, GRID.kind(1));
        assertArrayEquals(new double[] {10, 30, 300, 10, 30, 300}, GRID.positions(1));
        SweepResults mixed = SweepResults.parse(List.of("faults[0].type", "x"), List.of(
                SweepFixtures.header(List.of("faults[0].type", "x"), List.of("m")),
                "KubeletStop,1m30s," + SweepFixtures.stat(1),
                "NodeCrash,0," + SweepFixtures.stat(2),
                "\"a,b\",2h," + SweepFixtures.stat(3),
                "KubeletStop,500ms," + SweepFixtures.stat(4)));
        assertEquals(Kind.CATEGORY, mixed.kind(0));
        assertEquals(List.of("KubeletStop", "NodeCrash", "a,b"), mixed.distinctValues(0));
        assertArrayEquals(new double[] {0, 1, 2, 0}, mixed.positions(0));
        assertEquals(Kind.DURATION, mixed.kind(1), "0 is a duration too");
        assertArrayEquals(new double[] {90, 0, 7200, 0.5}, mixed.positions(1));
    }

    @Test
    void results_rejectAnotherTable() {
        assertThrows(IllegalArgumentException.class, () -> SweepResults.parse(List.of(TOLERATION), List.of(
                SweepFixtures.header(List.of(GRACE), List.of("m")))));
        assertThrows(IllegalArgumentException.class, () -> SweepResults.parse(List.of(GRACE), List.of(
                GRACE + ",m_mean,m_ci95_low,m_ci95_high,m_p50,m_p90")));
        assertThrows(IllegalArgumentException.class, () -> SweepResults.parse(List.of(GRACE), List.of(
                SweepFixtures.header(List.of(GRACE), List.of("m")), "20s,1,2")));
        assertThrows(IllegalArgumentException.class, () -> SweepResults.parse(List.of(GRACE), List.of(
                SweepFixtures.header(List.of(GRACE), List.of("m")), "20s,x,,,,")));
    }

    @Test
    void effect_gridHasALinePerValueOfTheOtherSetting() {
        Effect e = ParameterEffectData.of(GRID, 0);
        assertTrue(e.connected());
        assertEquals(Kind.DURATION, e.kind());
        assertEquals(List.of("time_to_unknown", "time_to_pod_deletion", "time_to_dead_pod_deletion", "false_evictions"),
                e.panels().stream().map(Panel::metric).toList());
        assertEquals(List.of(
                "unreachable toleration 10: (20.0, 35.0 [34.0, 36.0]) (40.0, 55.0 [54.0, 56.0])",
                "unreachable toleration 30: (20.0, 55.0 [54.0, 56.0])",
                "unreachable toleration 300: (20.0, 325.0 [324.0, 326.0]) (40.0, 345.0 [344.0, 346.0])"),
                text(e.panels().get(2)));
        Effect byToleration = ParameterEffectData.of(GRID, 1);
        assertEquals(List.of(
                "grace 20s: (10.0, 6.0 [5.0, 7.0]) (30.0, 2.0 [1.0, 3.0]) (300.0, 0.0 [-1.0, 1.0])",
                "grace 40s: (10.0, 3.0 [2.0, 4.0]) (30.0, 2.0 [1.0, 3.0]) (300.0, 0.0 [-1.0, 1.0])"),
                text(byToleration.panels().get(3)));
    }

    @Test
    void effect_oneSettingIsOneLine_withoutIntervalsWhenThereAreNone() {
        Effect e = ParameterEffectData.of(TINY, 0);
        assertEquals(List.of("mean, 95 % CI: (20.0, 25.5 [NaN, NaN]) (40.0, 45.25 [NaN, NaN])"),
                text(e.panels().get(0)));
        assertEquals(2, e.panels().size());
    }

    @Test
    void effect_tooManyCombinationsAreLoosePoints_andEmptyHasNoPanel() {
        SweepResults large = SweepFixtures.large().results();
        Effect e = ParameterEffectData.of(large, 2);
        assertFalse(e.connected(), "100 combinations of the other two settings");
        assertEquals(1, e.panels().get(0).series().size());
        IntervalSeries all = e.panels().get(0).series().get(0);
        assertEquals("each point (mean, 95 % CI)", all.name());
        assertEquals(1000, all.size());
        double[] x = all.mean().x();
        for (int i = 1; i < x.length; i++) {
            assertTrue(x[i] >= x[i - 1], "sorted by the setting");
        }
        assertEquals(List.of(), ParameterEffectData.of(SweepFixtures.empty().results(), 0).panels());
    }

    @Test
    void tradeOff_prefersDeadPodDeletion_andFindsTheFront() {
        TradeOff t = TradeOffData.of(GRID).orElseThrow();
        assertEquals("time_to_dead_pod_deletion", t.recoveryMetric());
        assertEquals(5, t.points().size(), "(40s, 30) has no dead pod");
        assertEquals(List.of("20s / 300", "20s / 30", "20s / 10"), t.front().stream().map(Point::label).toList());
        assertEquals(new Point(1, "20s / 30", 2, 1, 3, 55, 54, 56), t.front().get(1));
        assertTrue(t.anyFalseEviction());
    }

    @Test
    void tradeOff_fallsBackToPodDeletion_andIsAbsentWithoutFalseEvictions() {
        TradeOff t = TradeOffData.of(TINY).orElseThrow();
        assertEquals("time_to_pod_deletion", t.recoveryMetric());
        assertEquals(List.of("40s", "20s"), t.front().stream().map(Point::label).toList());
        SweepResults noCost = SweepResults.parse(List.of(GRACE), List.of(
                SweepFixtures.header(List.of(GRACE), List.of("time_to_pod_deletion")), "20s," + SweepFixtures.stat(3)));
        assertTrue(TradeOffData.of(noCost).isEmpty());
        assertTrue(TradeOffData.of(SweepFixtures.empty().results()).isEmpty());
    }

    @Test
    void tradeOff_frontIsExactlyTheNonDominatedPoints() {
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                // few distinct values, so ties on one axis are common
                double x = random.nextInt(6);
                double y = random.nextInt(8);
                points.add(new Point(i, Integer.toString(i), x, x, x, y, y, y));
            }
            List<Point> front = TradeOffData.front(points);
            for (Point p : points) {
                boolean dominated = points.stream().anyMatch(q -> q.dominates(p));
                boolean duplicateOfEarlier = points.stream()
                        .anyMatch(q -> q.point() < p.point() && q.x() == p.x() && q.y() == p.y());
                assertEquals(!dominated && !duplicateOfEarlier, front.contains(p), "trial " + trial + ": " + p);
            }
            for (int i = 1; i < front.size(); i++) {
                assertTrue(front.get(i).x() > front.get(i - 1).x() && front.get(i).y() < front.get(i - 1).y());
            }
        }
    }

    @Test
    void heatmap_gridCells() {
        Grid g = HeatmapData.of(GRID).orElseThrow();
        assertEquals(List.of("20s", "40s"), g.xValues());
        assertEquals(List.of("10", "30", "300"), g.yValues());
        assertEquals("300: 0.0 0.0\n30: 2.0 2.0\n10: 6.0 3.0\n", g.text("false_evictions"));
        assertEquals("300: 325.0 345.0\n30: 55.0 NaN\n10: 35.0 55.0\n", g.text("time_to_dead_pod_deletion"));
        assertEquals(GRID.metrics(), List.copyOf(g.means().keySet()));
    }

    @Test
    void heatmap_onlyForAFullTwoSettingGrid() {
        assertTrue(HeatmapData.of(TINY).isEmpty(), "one setting");
        assertTrue(HeatmapData.of(SweepFixtures.large().results()).isEmpty(), "three settings");
        String header = SweepFixtures.header(List.of(GRACE, TOLERATION), List.of("m"));
        String s = SweepFixtures.stat(1);
        assertTrue(HeatmapData.of(SweepResults.parse(List.of(GRACE, TOLERATION), List.of(header,
                "20s,10," + s, "20s,30," + s, "40s,10," + s))).isEmpty(), "a cell missing");
        assertTrue(HeatmapData.of(SweepResults.parse(List.of(GRACE, TOLERATION), List.of(header,
                "20s,10," + s, "20s,10," + s, "40s,10," + s, "40s,30," + s))).isEmpty(), "a cell twice, one missing");
        assertTrue(HeatmapData.of(SweepResults.parse(List.of(GRACE, TOLERATION), List.of(header,
                "20s,10," + s, "40s,10," + s))).isEmpty(), "one value of the second setting: a line, not a map");
    }
}
