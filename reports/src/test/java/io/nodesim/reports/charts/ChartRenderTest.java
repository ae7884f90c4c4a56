package io.nodesim.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.metrics.RunResult;
import io.nodesim.reports.Fixtures;
import io.nodesim.reports.Xml;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered chart renders, as PNG and SVG, for no run, an empty run, a tiny and a large one. */
class ChartRenderTest {
    /** Where the rendered charts are kept for a person to look at. */
    static final Path PREVIEW = Path.of("target", "chart-preview");

    static Stream<Arguments> chartsAndInputs() {
        RunResult large = Fixtures.largeResult();
        List<Arguments> out = new ArrayList<>();
        for (RunChart<?> chart : ChartRegistry.RUN_CHARTS) {
            out.add(Arguments.of("no-runs", chart, new ChartInput(Fixtures.emptyScenario(), List.of(), List.of())));
            out.add(Arguments.of("empty", chart,
                    new ChartInput(Fixtures.emptyScenario(), List.of(Fixtures.emptyResult()), List.of())));
            out.add(Arguments.of("tiny", chart, new ChartInput(Fixtures.tinyScenario(), List.of(Fixtures.tinyResult()),
                    Fixtures.tinySummaries())));
            out.add(Arguments.of("large", chart,
                    new ChartInput(Fixtures.largeScenario(), List.of(large), Fixtures.summariesOf(large))));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} / {0}")
    @MethodSource("chartsAndInputs")
    void rendersPngAndSvgAtItsSize(String name, RunChart<?> chart, ChartInput input) throws Exception {
        RenderedChart r = ChartRenderer.render(chart, input);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.png()));
        assertNotNull(png, "PNG decodes");
        assertEquals(chart.width(), png.getWidth());
        assertEquals(chart.height(), png.getHeight());
        assertTrue(r.svg().contains("<svg"), "an SVG document");
        Xml.parse(r.svg());
        assertTrue(r.svg().length() < 3_000_000, "SVG stays small: " + r.svg().length() + " chars");
        keepForPreview(name, r);
    }

    @Test
    void renderingIsDeterministic() {
        ChartInput input = new ChartInput(Fixtures.tinyScenario(), List.of(Fixtures.tinyResult()), List.of());
        for (RunChart<?> chart : ChartRegistry.RUN_CHARTS) {
            assertEquals(ChartRenderer.render(chart, input).svg(), ChartRenderer.render(chart, input).svg(),
                    chart.fileName());
        }
    }

    /**
     * Charts are never drawn on two threads at once (Java2D's first text drawing is not deterministic
     * then): one by one on the calling thread, in the order given; and the PNGs encoded meanwhile on
     * another thread are the bytes of drawing each chart alone.
     */
    @Test
    void chartsAreDrawnOneByOneOnTheCallingThread_andEncodedAsEachAlone() {
        RunResult large = Fixtures.largeResult();
        ChartInput input = new ChartInput(Fixtures.largeScenario(), List.of(large), Fixtures.summariesOf(large));
        Thread caller = Thread.currentThread();
        List<String> drawn = new ArrayList<>();
        List<RenderedChart> charts = ChartRenderer.inOrder(ChartRegistry.RUN_CHARTS, chart -> {
            assertSame(caller, Thread.currentThread(), chart.fileName());
            drawn.add(chart.fileName());
            return chart.build(input);
        });
        assertEquals(ChartRegistry.RUN_CHARTS.stream().map(RunChart::fileName).toList(), drawn);
        for (int i = 0; i < charts.size(); i++) {
            RenderedChart alone = ChartRenderer.render(ChartRegistry.RUN_CHARTS.get(i), input);
            assertEquals(alone.chart(), charts.get(i).chart(), "in the registry's order");
            assertTrue(java.util.Arrays.equals(alone.png(), charts.get(i).png()), alone.pngFileName());
            assertEquals(alone.svg(), charts.get(i).svg(), alone.svgFileName());
        }
    }

    /** The PNG is JFreeChart's own: what {@code ChartUtils.writeChartAsPNG} writes for the chart. */
    @Test
    void pngBytesAreChartUtilsBytes() throws IOException {
        RunChart<?> chart = ChartRegistry.RUN_CHARTS.get(0);
        ChartInput input = new ChartInput(Fixtures.tinyScenario(), List.of(Fixtures.tinyResult()), List.of());
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        org.jfree.chart.ChartUtils.writeChartAsPNG(expected, chart.build(input), chart.width(), chart.height());
        assertTrue(java.util.Arrays.equals(expected.toByteArray(), ChartRenderer.render(chart, input).png()));
    }

    @Test
    void registryNamesAreUniqueAndEveryChartSaysWhatItAnswers() {
        assertEquals(ChartRegistry.RUN_CHARTS.size(),
                ChartRegistry.RUN_CHARTS.stream().map(RunChart::fileName).distinct().count());
        for (RunChart<?> c : ChartRegistry.RUN_CHARTS) {
            assertTrue(c.fileName().matches("[a-z0-9-]+"), c.fileName());
            assertTrue(c.question().endsWith("?"), c.question());
            assertTrue(!c.title().isBlank());
        }
    }

    private static void keepForPreview(String name, RenderedChart r) throws IOException {
        Path dir = PREVIEW.resolve(name);
        Files.createDirectories(dir);
        Files.write(dir.resolve(r.pngFileName()), r.png());
    }
}
