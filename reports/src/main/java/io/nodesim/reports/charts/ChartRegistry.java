package io.nodesim.reports.charts;

import io.nodesim.reports.charts.run.PhaseBreakdownChart;
import io.nodesim.reports.charts.run.RecoveryCdfChart;
import io.nodesim.reports.charts.run.RunTimelineChart;
import io.nodesim.reports.charts.run.TaintStaircaseChart;
import java.util.List;

/**
 * Every chart of a run, in report order. Adding a chart is adding one line here; the writers, the
 * HTML report and the tests iterate over this list and need no change.
 */
public final class ChartRegistry {
    public static final List<RunChart> RUN_CHARTS = List.of(
            new RecoveryCdfChart(),
            new RunTimelineChart(),
            new TaintStaircaseChart(),
            new PhaseBreakdownChart());

    private ChartRegistry() {
    }
}
