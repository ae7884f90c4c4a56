package io.nodesim.reports.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.jfree.chart.JFreeChart;

/**
 * The data of a run's charts ({@link RunChart#data}), each computed once by whichever thread needs
 * it first: the drawing thread when it reaches the chart, or a thread that computes them all ahead of
 * it ({@link #computeAll}) while the charts before are drawn. In a large run the timeline's data takes
 * as long as drawing a chart; computed ahead, it leaves the drawing thread to draw. The data is a
 * pure function of the input, so the charts are the same bytes whichever thread computed it.
 */
public final class RunChartData {
    private final List<RunChart<?>> charts;
    private final List<FutureTask<?>> data;

    public RunChartData(List<RunChart<?>> charts, ChartInput input) {
        this.charts = List.copyOf(charts);
        this.data = new ArrayList<>(charts.size());
        for (RunChart<?> chart : this.charts) {
            data.add(new FutureTask<>(() -> chart.data(input)));
        }
    }

    /**
     * Computes every chart's data in chart order, skipping those another thread has taken. A failure
     * stays with its chart, to be thrown where the chart is drawn.
     */
    public void computeAll() {
        data.forEach(FutureTask::run);
    }

    /** The chart drawn from its data, which is computed here if no thread has taken it yet. */
    public JFreeChart draw(RunChart<?> chart) {
        int i = charts.indexOf(chart);
        if (i < 0) {
            throw new IllegalArgumentException("not one of these charts: " + chart.fileName());
        }
        return drawFrom(chart, data.get(i));
    }

    @SuppressWarnings("unchecked")
    private static <D> JFreeChart drawFrom(RunChart<D> chart, FutureTask<?> task) {
        task.run();
        return chart.draw((D) ChartRenderer.done(task));
    }
}
