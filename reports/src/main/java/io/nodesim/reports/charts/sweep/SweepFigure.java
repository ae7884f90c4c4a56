package io.nodesim.reports.charts.sweep;

import io.nodesim.reports.charts.Chart;
import java.util.Objects;
import org.jfree.chart.JFreeChart;

/** One drawn figure of a {@link SweepChart}, ready to be rendered. */
public record SweepFigure(String fileName, String title, String question, JFreeChart chart, int width, int height)
        implements Chart {
    public SweepFigure {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(chart, "chart");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a figure needs a positive size, got " + width + "x" + height);
        }
    }
}
