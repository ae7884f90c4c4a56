package io.nodesim.reports.charts;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jfree.chart.encoders.EncoderUtil;
import org.jfree.chart.encoders.ImageFormat;
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
     * Draws each chart, one after the other on the calling thread, in the order given. Never two
     * charts drawn on two threads at once: Java2D's text drawing is not deterministic when two
     * threads draw text for the first time together. About one run in 140 of a small scenario,
     * whose four charts were drawn two at a time, wrote one PNG with its title one pixel to the
     * right. The PNGs drawn so far are encoded on other threads meanwhile (pixels only). Building
     * the charts' plots on other threads as well was slower on two cores: 0.80-0.93 s of outputs for
     * the large zone outage against 0.65-0.70 s (benchmarks/README.md).
     *
     * @param build what JFreeChart will draw for a chart
     */
    public static <T extends Chart> List<RenderedChart> inOrder(List<T> charts, Function<T, JFreeChart> build) {
        List<CompletableFuture<byte[]>> pngs = new ArrayList<>(charts.size());
        List<String> svgs = new ArrayList<>(charts.size());
        for (T chart : charts) {
            JFreeChart drawn = build.apply(chart);
            BufferedImage raster = drawn.createBufferedImage(chart.width(), chart.height(), null);
            pngs.add(CompletableFuture.supplyAsync(() -> png(raster)));
            svgs.add(svg(drawn, chart.fileName(), chart.width(), chart.height()));
        }
        List<RenderedChart> out = new ArrayList<>(charts.size());
        for (int i = 0; i < charts.size(); i++) {
            out.add(new RenderedChart(charts.get(i), done(pngs.get(i)), svgs.get(i)));
        }
        return out;
    }

    public static RenderedChart render(RunChart<?> chart, ChartInput input) {
        return render(chart, chart.build(input));
    }

    /** Draws {@code drawn} at the size {@code chart} says, SVG ids prefixed by its file name. */
    public static RenderedChart render(Chart chart, JFreeChart drawn) {
        return new RenderedChart(chart, png(drawn.createBufferedImage(chart.width(), chart.height(), null)),
                svg(drawn, chart.fileName(), chart.width(), chart.height()));
    }

    /** The PNG bytes of a drawn chart: what JFreeChart's {@code ChartUtils.writeChartAsPNG} writes. */
    static byte[] png(BufferedImage raster) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EncoderUtil.writeBufferedImage(raster, ImageFormat.PNG, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to be written", e);
        }
        return out.toByteArray();
    }

    /** The value of a finished or running task; its failure rethrown as it was thrown. */
    static <V> V done(Future<V> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while drawing the charts");
        }
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
