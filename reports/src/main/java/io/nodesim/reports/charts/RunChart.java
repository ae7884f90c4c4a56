package io.nodesim.reports.charts;

import org.jfree.chart.JFreeChart;

/**
 * One chart drawn for every {@code run}. A new chart is one class implementing this and one line in
 * {@link ChartRegistry#RUN_CHARTS}; nothing else changes. The data it shows is a separate, testable
 * step, kept apart from the drawing so that it can be computed on another core while the charts
 * before it are drawn ({@link RunChartData}): the drawing itself stays on one thread.
 *
 * @param <D> the data the chart shows
 */
public interface RunChart<D> extends Chart {
    /** What the chart shows: plain data computed from the input, no Java2D or JFreeChart, safe on any thread. */
    D data(ChartInput input);

    /**
     * The chart of its data. Never fails for lack of data: with nothing to draw it returns a chart
     * whose plot says why, so a report always has the same charts.
     */
    JFreeChart draw(D data);

    /** {@link #draw} of {@link #data}, on the calling thread. */
    default JFreeChart build(ChartInput input) {
        return draw(data(input));
    }
}
