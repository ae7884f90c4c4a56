package io.nodesim.reports.charts;

import io.nodesim.reports.charts.run.PhaseBreakdownChart;
import io.nodesim.reports.charts.run.RecoveryCdfChart;
import io.nodesim.reports.charts.run.RunTimelineChart;
import io.nodesim.reports.charts.run.TaintStaircaseChart;
import io.nodesim.reports.charts.sweep.HeatmapChart;
import io.nodesim.reports.charts.sweep.ParameterEffectChart;
import io.nodesim.reports.charts.sweep.SweepChart;
import io.nodesim.reports.charts.sweep.TradeOffChart;
import java.util.List;

/**
 * Every chart of a run and of a sweep, in page order. Adding a chart is adding one line here; the
 * writers, the HTML pages and the tests iterate over these lists and need no change.
 */
public final class ChartRegistry {
    public static final List<RunChart<?>> RUN_CHARTS = List.of(
            new RecoveryCdfChart(),
            new RunTimelineChart(),
            new TaintStaircaseChart(),
            new PhaseBreakdownChart());

    /** The charts of {@code nodesim sweep}, drawn from sweep.csv into sweep.html. */
    public static final List<SweepChart> SWEEP_CHARTS = List.of(
            new TradeOffChart(),
            new ParameterEffectChart(),
            new HeatmapChart());

    private ChartRegistry() {
    }
}
