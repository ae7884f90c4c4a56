package io.nodesim.reports.charts.sweep;

import io.nodesim.metrics.MetricRegistry;
import io.nodesim.reports.charts.ChartStyle;
import io.nodesim.reports.charts.sweep.HeatmapData.Grid;
import java.awt.Color;
import java.awt.Paint;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * For a sweep over two settings on a full grid: one heatmap per metric ({@code sweep-heatmap-<metric>}),
 * a cell per combination coloured by the metric's mean and labelled with it.
 */
public final class HeatmapChart implements SweepChart {
    static final String PREFIX = "sweep-heatmap-";

    @Override
    public String description() {
        return "For a sweep over two settings on a full grid: a heatmap of each metric's mean.";
    }

    @Override
    public List<SweepFigure> draw(SweepInput input) {
        Optional<Grid> grid = HeatmapData.of(input.results());
        List<SweepFigure> figures = new ArrayList<>();
        if (grid.isEmpty()) {
            return figures;
        }
        Grid g = grid.get();
        for (Map.Entry<String, double[][]> e : g.means().entrySet()) {
            figures.add(new SweepFigure(PREFIX + Names.slug(e.getKey()), e.getKey() + " over the grid",
                    "Which combinations of " + g.xParameter() + " and " + g.yParameter() + " give a low "
                            + e.getKey() + "?",
                    build(g, e.getKey()), 1000, 620));
        }
        return figures;
    }

    static JFreeChart build(Grid g, String metric) {
        double[][] m = g.means().get(metric);
        int nx = g.xValues().size();
        int ny = g.yValues().size();
        double[][] xyz = new double[3][nx * ny];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                int i = x * ny + y;
                xyz[0][i] = x;
                xyz[1][i] = y;
                xyz[2][i] = m[x][y];
                if (!Double.isNaN(m[x][y])) {
                    min = Math.min(min, m[x][y]);
                    max = Math.max(max, m[x][y]);
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(metric, xyz);
        Scale scale = new Scale(min, max > min ? max : min + 1);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis xAxis = axis(Names.setting(g.xParameter()), g.xValues());
        SymbolAxis yAxis = axis(Names.setting(g.yParameter()), g.yValues());
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        ChartStyle.xyPlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                double v = m[x][y];
                XYTextAnnotation label = new XYTextAnnotation(Double.isNaN(v) ? "–" : cell(v), x, y);
                label.setFont(ChartStyle.LABEL_FONT);
                label.setPaint(Double.isNaN(v) || scale.fraction(v) < 0.55 ? Color.BLACK : Color.WHITE);
                plot.addAnnotation(label);
            }
        }
        JFreeChart chart = ChartStyle.chart("Mean " + MetricRegistry.axisLabel(metric), plot, false);
        NumberAxis legendAxis = ChartStyle.axis("mean");
        legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(40, 12, 40, 4));
        legend.setStripWidth(16);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    private static SymbolAxis axis(String label, List<String> values) {
        SymbolAxis a = new SymbolAxis(label, values.toArray(String[]::new));
        a.setLabelFont(ChartStyle.LABEL_FONT);
        a.setTickLabelFont(ChartStyle.TICK_FONT);
        a.setGridBandsVisible(false);
        a.setLowerMargin(0);
        a.setUpperMargin(0);
        a.setRange(-0.5, values.size() - 0.5);
        return a;
    }

    /** Three significant digits: enough to compare cells, short enough to fit in one. */
    static String cell(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /**
     * Pale yellow for the lowest mean, through green and blue, to dark purple for the highest: the
     * viridis ramp, reversed so that low (good, for every metric here) is light. Colour-blind safe and
     * readable in grey.
     */
    static final class Scale implements PaintScale {
        private static final Color[] RAMP = {new Color(0xFDE725), new Color(0x5EC962), new Color(0x21918C),
            new Color(0x3B528B), new Color(0x440154)};
        private static final Color MISSING = new Color(0xEEEEEE);
        private final double lower;
        private final double upper;

        Scale(double lower, double upper) {
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        double fraction(double v) {
            return Math.max(0, Math.min(1, (v - lower) / (upper - lower)));
        }

        @Override
        public Paint getPaint(double v) {
            if (Double.isNaN(v)) {
                return MISSING;
            }
            double f = fraction(v) * (RAMP.length - 1);
            int i = Math.min((int) f, RAMP.length - 2);
            double t = f - i;
            Color a = RAMP[i];
            Color b = RAMP[i + 1];
            return new Color(mix(a.getRed(), b.getRed(), t), mix(a.getGreen(), b.getGreen(), t),
                    mix(a.getBlue(), b.getBlue(), t));
        }

        private static int mix(int a, int b, double t) {
            return (int) Math.round(a + (b - a) * t);
        }
    }
}
