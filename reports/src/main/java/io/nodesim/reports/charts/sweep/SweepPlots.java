package io.nodesim.reports.charts.sweep;

import io.nodesim.reports.charts.ChartStyle;
import io.nodesim.reports.charts.sweep.SweepResults.Kind;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The drawing pieces the sweep charts share: interval datasets, error-bar renderers, setting axes. */
final class SweepPlots {
    /**
     * Above this many points a figure draws no interval bars: a thousand overlapping bars hide the
     * points and make the SVG megabytes long. sweep.csv and sweep.html still have every interval.
     */
    static final int MAX_POINTS_WITH_BARS = 300;

    private SweepPlots() {
    }

    /** A point's interval, or the point itself where it has none (one replication): no bar then. */
    static double low(double y, double low) {
        return Double.isNaN(low) ? y : low;
    }

    static double high(double y, double high) {
        return Double.isNaN(high) ? y : high;
    }

    static YIntervalSeriesCollection dataset(List<IntervalSeries> series) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (IntervalSeries s : series) {
            // a key per position: two lines may have the same name only if the data does, never collide
            YIntervalSeries y = new YIntervalSeries(data.getSeriesCount() + ": " + s.name(), false, true);
            double[] x = s.mean().x();
            double[] mean = s.mean().y();
            double[] lo = s.low();
            double[] hi = s.high();
            for (int i = 0; i < x.length; i++) {
                y.add(x[i], mean[i], low(mean[i], lo[i]), high(mean[i], hi[i]));
            }
            data.addSeries(y);
        }
        return data;
    }

    /** Lines (or loose points) with round markers and vertical 95 % bars, coloured by series position. */
    static XYErrorRenderer errorRenderer(int seriesCount, boolean lines) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setDefaultLinesVisible(lines);
        r.setDefaultShapesVisible(true);
        r.setDrawOutlines(false); // filled markers only: an outline of the same colour adds nothing but bytes
        r.setErrorStroke(new BasicStroke(1.2f));
        r.setCapLength(6);
        r.setErrorPaint(null); // bars take their series' colour
        r.setLegendItemLabelGenerator((dataset, series) -> {
            String key = dataset.getSeriesKey(series).toString();
            return key.substring(key.indexOf(": ") + 2);
        });
        for (int i = 0; i < seriesCount; i++) {
            r.setSeriesPaint(i, ChartStyle.color(i));
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        return r;
    }

    /** The x axis of a setting: its number, its duration in seconds, or a slot per value. */
    static ValueAxis settingAxis(String parameter, Kind kind, List<String> categories) {
        ValueAxis axis;
        if (kind == Kind.CATEGORY) {
            axis = new SymbolAxis(parameter, categories.toArray(String[]::new));
            axis.setLabelFont(ChartStyle.LABEL_FONT);
            axis.setTickLabelFont(ChartStyle.TICK_FONT);
        } else {
            NumberAxis n = ChartStyle.axis(kind == Kind.DURATION ? parameter + " (s)" : parameter);
            n.setAutoRangeIncludesZero(false);
            axis = n;
        }
        return axis;
    }

    /**
     * Gives a value axis a readable range when every value on it is the same (a metric constant over
     * the sweep, e.g. no false eviction anywhere): JFreeChart's auto range would widen it to its
     * minimum size of 1e-8 and print ticks such as {@code 5E-9 ... -5E-9}. The range is then the value
     * ± 10 % (± 1 around zero), which shows a flat line at a plain number.
     */
    static void readableWhenConstant(NumberAxis axis, List<IntervalSeries> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (IntervalSeries s : series) {
            for (double[] values : new double[][] {s.mean().y(), s.low(), s.high()}) {
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        if (min > max || max - min > 1e-9 * Math.max(1, Math.abs(max))) {
            return;
        }
        double half = min == 0 ? 1 : Math.abs(min) * 0.1;
        axis.setRange(min - half, max + half);
    }
}
