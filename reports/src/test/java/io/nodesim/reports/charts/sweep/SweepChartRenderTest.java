package io.nodesim.reports.charts.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.reports.Xml;
import io.nodesim.reports.charts.ChartRegistry;
import io.nodesim.reports.charts.ChartRenderer;
import io.nodesim.reports.charts.RenderedChart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered sweep chart draws, as PNG and SVG, for an empty, a tiny, a grid and a large sweep. */
class SweepChartRenderTest {
    static final Path PREVIEW = Path.of("target", "chart-preview", "sweep");

    static Stream<Arguments> chartsAndInputs() {
        List<Arguments> out = new ArrayList<>();
        SweepInput large = SweepFixtures.large();
        for (SweepChart chart : ChartRegistry.SWEEP_CHARTS) {
            out.add(Arguments.of("empty", chart, SweepFixtures.empty()));
            out.add(Arguments.of("tiny", chart, SweepFixtures.tiny()));
            out.add(Arguments.of("grid", chart, SweepFixtures.grid()));
            out.add(Arguments.of("large", chart, large));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} / {0}")
    @MethodSource("chartsAndInputs")
    void drawsPngAndSvgAtItsSize(String name, SweepChart chart, SweepInput input) throws Exception {
        for (SweepFigure f : chart.draw(input)) {
            RenderedChart r = ChartRenderer.render(f, f.chart());
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.png()));
            assertNotNull(png, "PNG decodes");
            assertEquals(f.width(), png.getWidth());
            assertEquals(f.height(), png.getHeight());
            Path dir = PREVIEW.resolve(name);
            Files.createDirectories(dir);
            Files.write(dir.resolve(r.pngFileName()), r.png());
            Files.writeString(dir.resolve(r.svgFileName()), r.svg());
            Xml.parse(r.svg());
            assertTrue(r.svg().length() < 3_000_000, "SVG stays small: " + r.svg().length() + " chars");
            assertTrue(f.fileName().matches("sweep-[a-z0-9-]+"), f.fileName());
            assertTrue(f.question().endsWith("?"), f.question());
        }
    }

    @Test
    void whatIsDrawnForWhichSweep() {
        assertEquals(List.of("sweep-tradeoff", "sweep-by-kubecontrollermanager-node-monitor-grace-period",
                "sweep-by-kubeapiserver-default-unreachable-toleration-seconds", "sweep-heatmap-time-to-unknown",
                "sweep-heatmap-time-to-pod-deletion", "sweep-heatmap-time-to-dead-pod-deletion",
                "sweep-heatmap-false-evictions"), fileNames(SweepFixtures.grid()));
        assertEquals(List.of("sweep-tradeoff", "sweep-by-kubecontrollermanager-node-monitor-grace-period"),
                fileNames(SweepFixtures.tiny()), "no heatmap for one setting");
        assertEquals(List.of(), fileNames(SweepFixtures.empty()), "an empty sweep has nothing to draw");
        assertEquals(List.of("No trade-off chart: this sweep has no false_evictions or recovery-time metric with values "
                + "at every point to trade against each other."), io.nodesim.reports.SweepOutputs.draw(
                        SweepFixtures.input(constantMetric(), 3)).notDrawn().subList(0, 1));
        assertTrue(io.nodesim.reports.SweepOutputs.draw(SweepFixtures.empty()).notDrawn().stream()
                .allMatch(line -> line.endsWith("Not drawn for this sweep: no point of the sweep has finished.")));
    }

    /** Three points of one setting whose only metric is 4 at every point, with no interval. */
    private static SweepResults constantMetric() {
        return SweepResults.parse(List.of(SweepFixtures.GRACE), List.of(
                SweepFixtures.header(List.of(SweepFixtures.GRACE), List.of("time_to_unknown")),
                "20s,4.000,,,4.000,4.000", "30s,4.000,,,4.000,4.000", "40s,4.000,,,4.000,4.000"));
    }

    @Test
    void metricConstantOverTheSweep_getsAReadableAxisAroundItsValue() {
        SweepFigure f = new ParameterEffectChart().draw(SweepFixtures.input(constantMetric(), 3)).get(0);
        var plot = (org.jfree.chart.plot.CombinedDomainXYPlot) f.chart().getXYPlot();
        org.jfree.data.Range y = ((org.jfree.chart.plot.XYPlot) plot.getSubplots().get(0)).getRangeAxis().getRange();
        assertEquals(3.6, y.getLowerBound(), 1e-12);
        assertEquals(4.4, y.getUpperBound(), 1e-12);
    }

    @Test
    void settingsWhoseSlugsCollideGetDistinctFiles() {
        SweepResults r = SweepResults.parse(List.of("a.b", "a-b"), List.of(
                SweepFixtures.header(List.of("a.b", "a-b"), List.of("m")), "1,2," + SweepFixtures.stat(1)));
        List<String> names = new ParameterEffectChart().draw(SweepFixtures.input(r, 1)).stream()
                .map(SweepFigure::fileName).toList();
        assertEquals(List.of("sweep-by-a-b", "sweep-by-a-b-2"), names);
    }

    @Test
    void drawingIsDeterministic() {
        for (SweepChart chart : ChartRegistry.SWEEP_CHARTS) {
            List<SweepFigure> a = chart.draw(SweepFixtures.grid());
            List<SweepFigure> b = chart.draw(SweepFixtures.grid());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(ChartRenderer.render(a.get(i), a.get(i).chart()).svg(),
                        ChartRenderer.render(b.get(i), b.get(i).chart()).svg(), a.get(i).fileName());
            }
        }
    }

    private static List<String> fileNames(SweepInput input) {
        List<String> names = new ArrayList<>();
        Set<String> unique = new HashSet<>();
        for (SweepChart chart : ChartRegistry.SWEEP_CHARTS) {
            for (SweepFigure f : chart.draw(input)) {
                names.add(f.fileName());
                assertTrue(unique.add(f.fileName()), "file names are unique: " + f.fileName());
            }
        }
        return names;
    }
}
