package io.nodesim.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The one look of every nodesim chart: white background, light grid, the Okabe–Ito colour-blind
 * safe palette in a fixed order, legend below the plot, fonts that stay legible when the PNG is
 * shrunk into a slide.
 */
public final class ChartStyle {
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final List<Color> PALETTE = List.of(
            new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x777777), new Color(0x000000),
            new Color(0x882255), new Color(0x44AA99), new Color(0x999933), new Color(0xAA4499));

    private ChartStyle() {
    }

    /** The i-th colour of the palette (cycling). */
    public static Paint color(int i) {
        return PALETTE.get(i % PALETTE.size());
    }

    /** A chart around {@code plot} with the common title, legend and background. */
    public static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setPosition(RectangleEdge.BOTTOM);
            l.setItemFont(LABEL_FONT);
            l.setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    /** Styles an XY plot: white, light grid, labelled axes. */
    public static void xyPlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setNoDataMessageFont(LABEL_FONT);
    }

    /** A number axis with the common fonts. */
    public static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** A count axis: starts at zero, whole-number ticks. */
    public static NumberAxis countAxis(String label) {
        NumberAxis axis = axis(label);
        axis.setAutoRangeIncludesZero(true);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setUpperMargin(0.1); // keeps a line at the maximum clear of the plot's top edge and labels
        axis.setRangeType(RangeType.POSITIVE);
        axis.setAutoRangeMinimumSize(1);
        return axis;
    }

    /**
     * A plot of step lines (each value holds until the next point), one per non-empty series,
     * coloured from {@code firstColor} on. Each line is drawn as one path, not one element per
     * segment, which keeps the SVG of a 50,000-pod timeline small.
     */
    public static XYPlot stepPlot(NumberAxis x, NumberAxis y, List<Series> series, int firstColor) {
        XYSeriesCollection data = stepDataset(series);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, color(firstColor + i));
            renderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        xyPlot(plot);
        return plot;
    }

    /** The series with a corner point before every rise or fall; empty series are left out (no legend entry). */
    static XYSeriesCollection stepDataset(List<Series> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            if (s.isEmpty()) {
                continue;
            }
            XYSeries xy = new XYSeries(s.name(), false, true);
            double[] x = s.x();
            double[] y = s.y();
            for (int i = 0; i < x.length; i++) {
                if (i > 0 && y[i] != y[i - 1]) {
                    xy.add(x[i], y[i - 1], false);
                }
                xy.add(x[i], y[i], false);
            }
            data.addSeries(xy);
        }
        return data;
    }
}
