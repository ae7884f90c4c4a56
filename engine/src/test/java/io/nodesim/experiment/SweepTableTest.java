package io.nodesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nodesim.metrics.MetricSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTableTest {
    @Test
    void number_threeDecimalsHalfUp_emptyForNaN() {
        assertEquals("1.235", SweepTable.number(1.2345));
        assertEquals("0.000", SweepTable.number(-0.0001));
        assertEquals("-2.500", SweepTable.number(-2.5));
        assertEquals("12345678.900", SweepTable.number(12345678.9));
        assertEquals("", SweepTable.number(Double.NaN));
    }

    @Test
    void row_missingMetricGivesEmptyCells_valuesQuotedWhenNeeded() {
        MetricSummary s = new MetricSummary("a", 3, 1, 0.5, 0.25, 1.75, 0, 1, 2, 3, 4);
        SweepPoint p = new SweepPoint(0, List.of("x,y", "say \"hi\""));
        String row = SweepTable.row(p, List.of("a", "b"), List.of(s));
        assertEquals("\"x,y\",\"say \"\"hi\"\"\",1.000,0.250,1.750,1.000,3.000,,,,,", row);
        assertEquals(List.of("x,y", "say \"hi\"", "1.000", "0.250", "1.750", "1.000", "3.000", "", "", "", "", ""),
                SweepTable.cells(row));
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
                () -> SweepTable.progress(List.of("p"), points, List.of("p,m_mean,m_ci95_low")));
        assertThrows(ExperimentException.class,
                () -> SweepTable.progress(List.of("p"), points, List.of("p,m_mean,m_p50,m_ci95_low,m_ci95_high,m_p99")));
    }
}
