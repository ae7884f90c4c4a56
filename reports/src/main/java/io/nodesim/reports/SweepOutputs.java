package io.nodesim.reports;

import io.nodesim.reports.charts.ChartRegistry;
import io.nodesim.reports.charts.ChartRenderer;
import io.nodesim.reports.charts.RenderedChart;
import io.nodesim.reports.charts.sweep.SweepChart;
import io.nodesim.reports.charts.sweep.SweepFigure;
import io.nodesim.reports.charts.sweep.SweepInput;
import io.nodesim.reports.files.OutputFolder;
import io.nodesim.reports.html.SweepReport;
import io.nodesim.reports.sweep.SweepCsvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code nodesim sweep} writes once every point is in sweep.csv: every registered sweep chart as
 * PNG and SVG, and sweep.html. Drawn in memory first, then each file written to a temporary name
 * and moved into place, like the run outputs; sweep.csv itself is the sweep's and is not touched.
 */
public final class SweepOutputs {
    private SweepOutputs() {
    }

    /**
     * Every registered sweep chart drawn for one sweep.
     *
     * @param charts the figures, in page order
     * @param notDrawn for each chart that drew nothing for this sweep, the line that says why
     */
    public record Drawn(List<RenderedChart> charts, List<String> notDrawn) {
        public Drawn {
            charts = List.copyOf(charts);
            notDrawn = List.copyOf(notDrawn);
        }
    }

    /** Draws every registered sweep chart, in memory. */
    public static Drawn draw(SweepInput input) {
        List<SweepFigure> figures = new ArrayList<>();
        List<String> notDrawn = new ArrayList<>();
        for (SweepChart chart : ChartRegistry.SWEEP_CHARTS) {
            List<SweepFigure> drawn = chart.draw(input);
            if (drawn.isEmpty()) {
                notDrawn.add(chart.notDrawn(input));
            }
            figures.addAll(drawn);
        }
        return new Drawn(ChartRenderer.inOrder(figures, SweepFigure::chart), notDrawn);
    }

    /** Writes the charts and the page into {@code dir} and returns the files written, in order. */
    public static List<Path> write(Path dir, SweepInput input) throws IOException {
        Drawn drawn = draw(input);
        String page = SweepReport.render(input, drawn.charts(), drawn.notDrawn(), List.of(SweepCsvFile.NAME));
        OutputFolder out = new OutputFolder(dir);
        for (RenderedChart c : drawn.charts()) {
            c.writeTo(out);
        }
        out.writeText(SweepReport.FILE_NAME, w -> w.write(page));
        return out.written();
    }
}
