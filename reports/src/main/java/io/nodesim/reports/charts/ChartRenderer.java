package io.nodesim.reports.charts;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Draws charts off screen, at their fixed size, as PNG and SVG. */
public final class ChartRenderer {
    static {
        // Charts are drawn on servers and in CI, where there is no display; AWT must not look for one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartRenderer() {
    }

    /**
     * Renders each chart with {@code render}, one after the other on the calling thread, in the order
     * given. Never on two threads at once: Java2D's text drawing is not deterministic when two
     * threads draw text for the first time together. About one run in 140 of a small scenario, whose
     * four charts were drawn two at a time, wrote one PNG with its title one pixel to the right (a
     * glyph's advance was taken from another state of the shared font strike); a run's other outputs
     * (CSVs, pods.csv above all) go on the other core meanwhile.
     */
    public static <T> List<RenderedChart> inOrder(List<T> charts, Function<T, RenderedChart> render) {
        List<RenderedChart> out = new ArrayList<>(charts.size());
        for (T chart : charts) {
            out.add(render.apply(chart));
        }
        return out;
    }

    public static RenderedChart render(RunChart chart, ChartInput input) {
        return render(chart, chart.build(input));
    }

    /** Draws {@code drawn} at the size {@code chart} says, SVG ids prefixed by its file name. */
    public static RenderedChart render(Chart chart, JFreeChart drawn) {
        return new RenderedChart(chart, png(drawn, chart.width(), chart.height()),
                svg(drawn, chart.fileName(), chart.width(), chart.height()));
    }

    static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to be written", e);
        }
        return out.toByteArray();
    }

    /** Rounded to two decimals, shortest form: the nearest double to a two-decimal value prints as one. */
    static String hundredths(double d) {
        return Double.isFinite(d) ? Double.toString(Math.round(d * 100) / 100.0) : Double.toString(d);
    }

    static String svg(JFreeChart chart, String idPrefix, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // The default prefix holds System.nanoTime(): fixed ids keep the SVG identical from run to
        // run and distinct between charts inlined into one page.
        g2.setDefsKeyPrefix(idPrefix + "-");
        // a hundredth of a pixel is finer than any screen or printer; full doubles double the file size
        g2.setGeomDoubleConverter(ChartRenderer::hundredths);
        g2.setTransformDoubleConverter(ChartRenderer::hundredths);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGDocument();
    }
}
