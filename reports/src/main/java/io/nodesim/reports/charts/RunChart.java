package io.nodesim.reports.charts;

import org.jfree.chart.JFreeChart;

/**
 * One chart drawn for every {@code run}. A new chart is one class implementing this and one line in
 * {@link ChartRegistry#RUN_CHARTS}; nothing else changes. Implementations keep the data they draw in
 * a separate, testable step and only turn it into a {@link JFreeChart} here.
 */
public interface RunChart {
    /** The file name without extension; the chart is written as {@code <name>.png} and {@code <name>.svg}. */
    String fileName();

    /** The title, also the heading in report.html. */
    String title();

    /** The one question the chart answers, shown under it in report.html. */
    String question();

    /**
     * The chart for this input. Never fails for lack of data: with nothing to draw it returns a chart
     * whose plot says why, so a report always has the same charts.
     */
    JFreeChart build(ChartInput input);

    /** Rendered width in pixels. */
    default int width() {
        return 1000;
    }

    /** Rendered height in pixels. */
    default int height() {
        return 600;
    }
}
