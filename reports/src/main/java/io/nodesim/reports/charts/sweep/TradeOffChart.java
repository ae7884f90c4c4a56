package io.nodesim.reports.charts.sweep;

import io.nodesim.metrics.MetricRegistry;
import io.nodesim.reports.charts.ChartStyle;
import io.nodesim.reports.charts.sweep.TradeOffData.Point;
import io.nodesim.reports.charts.sweep.TradeOffData.TradeOff;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Recovery time against false evictions, every point with its 95 % intervals on both axes, and the
 * Pareto front joined and labelled with its settings: the chart to choose timeouts from.
 */
public final class TradeOffChart implements SweepChart {
    static final String FILE_NAME = "sweep-tradeoff";
    private static final Color OTHER = new Color(0xAAAAAA);

    @Override
    public String description() {
        return "Recovery time against false evictions, with the Pareto front of the best settings.";
    }

    @Override
    public String notDrawn(SweepInput input) {
        return input.results().size() == 0 ? SweepChart.super.notDrawn(input)
                : "No trade-off chart: this sweep has no " + TradeOffData.FALSE_EVICTIONS
                        + " or recovery-time metric with values at every point to trade against each other.";
    }

    @Override
    public List<SweepFigure> draw(SweepInput input) {
        SweepResults r = input.results();
        Optional<TradeOff> data = TradeOffData.of(r);
        if (data.isEmpty()) {
            return List.of(); // an empty plot says less than the one line of notDrawn
        }
        return List.of(new SweepFigure(FILE_NAME, "Recovery time against false evictions",
                "Which settings recover fastest for a given number of false evictions, and what does each second "
                        + "of faster recovery cost?",
                build(r, data), 1000, 650));
    }

    static JFreeChart build(SweepResults r, Optional<TradeOff> data) {
        String recovery = data.map(TradeOff::recoveryMetric)
                .orElse(TradeOffData.recoveryMetric(r).orElse(TradeOffData.RECOVERY_METRICS.get(0)));
        NumberAxis x = ChartStyle.axis("mean " + MetricRegistry.axisLabel(TradeOffData.FALSE_EVICTIONS));
        x.setAutoRangeIncludesZero(true);
        x.setRangeType(RangeType.POSITIVE); // an interval may reach below zero; a count cannot
        x.setUpperMargin(0.12); // room for the labels of the rightmost front points
        NumberAxis y = ChartStyle.axis("mean " + MetricRegistry.axisLabel(recovery));
        XYIntervalSeriesCollection points = new XYIntervalSeriesCollection();
        boolean bars = data.map(t -> t.points().size()).orElse(0) <= SweepPlots.MAX_POINTS_WITH_BARS;
        XYPlot plot = new XYPlot(points, x, y, renderer(bars));
        ChartStyle.xyPlot(plot);
        plot.setNoDataMessage(r.size() == 0 ? "No point of the sweep has finished: nothing to show yet."
                : "This sweep has no false_evictions or recovery-time metric to trade.");
        if (data.isPresent()) {
            TradeOff t = data.get();
            points.addSeries(series("other settings", t.points().stream().filter(p -> !t.front().contains(p)).toList()));
            points.addSeries(series("Pareto front: no other setting is better on both", t.front()));
            for (Point p : labelled(t)) {
                XYTextAnnotation label = new XYTextAnnotation("  " + p.label(), p.x(), p.y());
                label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
                label.setFont(ChartStyle.TICK_FONT);
                plot.addAnnotation(label);
            }
        }
        JFreeChart chart = ChartStyle.chart("Recovery time against false evictions", plot, true);
        chart.addSubtitle(new TextTitle(subtitle(r, data, bars), ChartStyle.TICK_FONT));
        return chart;
    }

    private static String subtitle(SweepResults r, Optional<TradeOff> data, boolean bars) {
        String labels = "labels: " + r.parameters().stream().map(Names::setting).collect(Collectors.joining(" / "));
        if (data.isPresent() && !data.get().anyFalseEviction()) {
            return "No setting caused a false eviction: nothing to trade, the fastest is best. " + labels;
        }
        boolean all = data.isEmpty() || labelled(data.get()).size() == data.get().front().size();
        return "Lower left is better; " + (bars ? "bars: 95 % confidence intervals; " : "") + labels
                + (all ? "" : " (where labels would overlap some are left out: sweep.html lists them all)");
    }

    /**
     * The front points that get a label: the two ends of the front first, then the others in front
     * order, each only if its label would not cover one already placed. A label starts at its point
     * and runs right and up; at 1000 x 650 pixels a 12 px character is about 0.75 % of the plot's
     * width and a line about 3 % of its height. sweep.html lists every front point.
     */
    static List<Point> labelled(TradeOff t) {
        double xRange = range(t.points().stream().mapToDouble(Point::x).toArray());
        double yRange = range(t.points().stream().mapToDouble(Point::y).toArray());
        List<Point> front = t.front();
        List<Point> order = new ArrayList<>();
        if (!front.isEmpty()) {
            order.add(front.get(0));
            if (front.size() > 1) {
                order.add(front.get(front.size() - 1));
            }
            order.addAll(front.subList(1, Math.max(1, front.size() - 1)));
        }
        List<Point> kept = new ArrayList<>();
        for (Point p : order) {
            boolean clear = kept.stream().noneMatch(k -> {
                Point left = k.x() <= p.x() ? k : p;
                double width = (left.label().length() + 2) * 0.0075;
                return Math.abs(k.x() - p.x()) / xRange < width && Math.abs(k.y() - p.y()) / yRange < 0.03;
            });
            if (clear) {
                kept.add(p);
            }
        }
        return front.stream().filter(kept::contains).toList();
    }

    private static double range(double[] values) {
        double r = Arrays.stream(values).max().orElse(0) - Arrays.stream(values).min().orElse(0);
        return r > 0 ? r : 1;
    }

    private static XYIntervalSeries series(String name, List<Point> points) {
        XYIntervalSeries s = new XYIntervalSeries(name, false, true);
        for (Point p : points) {
            s.add(p.x(), SweepPlots.low(p.x(), p.xLow()), SweepPlots.high(p.x(), p.xHigh()), p.y(),
                    SweepPlots.low(p.y(), p.yLow()), SweepPlots.high(p.y(), p.yHigh()));
        }
        return s;
    }

    private static XYErrorRenderer renderer(boolean bars) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(bars);
        r.setDrawYError(bars);
        r.setCapLength(5);
        r.setErrorPaint(null);
        r.setErrorStroke(new BasicStroke(1f));
        r.setSeriesLinesVisible(0, false);
        r.setSeriesPaint(0, OTHER);
        r.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        r.setSeriesLinesVisible(1, true);
        r.setSeriesPaint(1, ChartStyle.color(3));
        r.setSeriesStroke(1, new BasicStroke(2.5f));
        r.setSeriesShape(1, new Rectangle2D.Double(-5, -5, 10, 10));
        r.setDefaultShapesVisible(true);
        r.setDrawOutlines(false); // filled markers only: an outline of the same colour adds nothing but bytes
        return r;
    }
}
