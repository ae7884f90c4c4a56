package io.nodesim.reports.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.reports.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
    @Test
    void summaryTable_alignedColumns_dashForUndefined() {
        assertEquals("""
                metric                count      p50      p90      p99      max
                time_to_unknown           1   45.123   45.123   45.123   45.123
                time_to_pod_deletion      2  345.211  345.211  345.211  345.211
                false_evictions           1    0.000    0.000    0.000    0.000
                """, SummaryTable.format(Fixtures.tinySummaries()));
        assertEquals("metric  count  p50  p90  p99  max\n", SummaryTable.format(List.of()));
        assertTrue(SummaryTable.format(List.of(new io.nodesim.metrics.MetricSummary("x", 0, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)))
                .endsWith("x           0    -    -    -    -\n"));
    }
}
