package io.nodesim.reports.charts;

/**
 * What every written chart has, whatever draws it: a file name, a title, the question it answers and
 * a fixed size. Run charts ({@link RunChart}) and the figures of sweep charts
 * ({@link io.nodesim.reports.charts.sweep.SweepChart}) are both written and embedded through this.
 */
public interface Chart {
    /** The file name without extension; the chart is written as {@code <name>.png} and {@code <name>.svg}. */
    String fileName();

    /** The title, also the heading in the HTML pages. */
    String title();

    /** The one question the chart answers, shown under it in the HTML pages. */
    String question();

    /** Rendered width in pixels. */
    default int width() {
        return 1000;
    }

    /** Rendered height in pixels. */
    default int height() {
        return 600;
    }
}
