package io.nodesim.reports.charts;

import org.jfree.chart.JFreeChart;

/**
 * One chart drawn for every {@code run}. A new chart is one class implementing this and one line in
 * {@link ChartRegistry#RUN_CHARTS}; nothing else changes. Implementations keep the data they draw in
 * a separate, testable step and only turn it into a {@link JFreeChart} here.
 */
public interface RunChart extends Chart {
    /**
     * The chart for this input. Never fails for lack of data: with nothing to draw it returns a chart
     * whose plot says why, so a report always has the same charts.
     */
    JFreeChart build(ChartInput input);
}
