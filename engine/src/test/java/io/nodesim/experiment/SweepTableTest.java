package io.nodesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.Rfc4180;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTableTest {
    @Test
    void row_missingMetricGivesEmptyCells_valuesQuotedWhenNeeded() {
        MetricSummary s = new MetricSummary("a", 3, 1, 0.5, 0.25, 1.75, 0, 1, 2, 3, 4);
        SweepPoint p = new SweepPoint(0, List.of("x,y", "say \"hi\""));
        String row = SweepTable.row(p, List.of("a", "b"), List.of(s));
        assertEquals("\"x,y\",\"say \"\"hi\"\"\",1.000,0.250,1.750,1.000,3.000,,,,,", row);
        assertEquals(List.of("x,y", "say \"hi\"", "1.000", "0.250", "1.750", "1.000", "3.000", "", "", "", "", ""),
                Rfc4180.cells(row));
    }

    @Test
    void read_givesBackWhatHeaderAndRowWrote() {
        MetricSummary a = new MetricSummary("a", 3, 1, 0.5, 0.25, 1.75, 0, 1, 2, 3.0004, 4);
        List<String> parameters = List.of("spec.x", "label");
        SweepPoint p = new SweepPoint(0, List.of("10s", "a,\"b\""));
        SweepTable.Contents t = SweepTable.read(parameters,
                List.of(SweepTable.header(parameters, List.of("a", "b")), SweepTable.row(p, List.of("a", "b"), List.of(a))));
        assertEquals(List.of("a", "b"), t.metrics());
        assertEquals(List.of("10s", "a,\"b\""), t.rows().get(0).values());
        assertEquals(List.of(1.0, 0.25, 1.75, 1.0, 3.0), List.of(t.rows().get(0).statistic(0, 0),
                t.rows().get(0).statistic(0, 1), t.rows().get(0).statistic(0, 2), t.rows().get(0).statistic(0, 3),
                t.rows().get(0).statistic(0, 4)));
        assertEquals(Double.NaN, t.rows().get(0).statistic(1, 0));
    }

    @Test
    void read_rejectsOtherColumnsAndShortRows() {
        List<String> p = List.of("p");
        assertThrows(IllegalArgumentException.class, () -> SweepTable.read(p, List.of("q,m_mean,m_ci95_low,m_ci95_high,m_p50,m_p99")));
        assertThrows(IllegalArgumentException.class, () -> SweepTable.read(p, List.of("p,_mean,_ci95_low,_ci95_high,_p50,_p99")));
        assertThrows(IllegalArgumentException.class,
                () -> SweepTable.read(p, List.of(SweepTable.header(p, List.of("m")), "1,2,3")));
        assertThrows(IllegalArgumentException.class,
                () -> SweepTable.read(p, List.of(SweepTable.header(p, List.of("m")), "1,x,,,,")));
    }

    @Test
    void progress_readsMetricsFromHeader_andCountsRows() {
        List<SweepPoint> points = List.of(new SweepPoint(0, List.of("1")), new SweepPoint(1, List.of("2")));
        String header = SweepTable.header(List.of("p"), List.of("m_x", "n"));
        assertNull(SweepTable.progress(List.of("p"), points, List.of()).metrics());
        SweepTable.Progress one = SweepTable.progress(List.of("p"), points, List.of(header, "1,,,,,,,,,,"));
        assertEquals(1, one.completedPoints());
        assertEquals(List.of("m_x", "n"), one.metrics());
        assertThrows(ExperimentException.class,
                () -> SweepTable.progress(List.of("p"), points, List.of(header, "1,,,")));
        assertThrows(ExperimentException.class,
                () -> SweepTable.progress(List.of("p"), points, List.of(header, "2,,,,,,,,,,")));
        assertThrows(ExperimentException.class,
                () -> SweepTable.progress(List.of("p"), points, List.of("p,m_mean,m_ci95_low")));
        assertThrows(ExperimentException.class,
                () -> SweepTable.progress(List.of("p"), points, List.of("p,m_mean,m_p50,m_ci95_low,m_ci95_high,m_p99")));
    }
}
