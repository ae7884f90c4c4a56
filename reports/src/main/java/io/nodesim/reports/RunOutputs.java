package io.nodesim.reports;

import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.RunResult;
import io.nodesim.reports.charts.ChartInput;
import io.nodesim.reports.charts.ChartRegistry;
import io.nodesim.reports.charts.ChartRenderer;
import io.nodesim.reports.charts.RenderedChart;
import io.nodesim.reports.csv.ResultCsv;
import io.nodesim.reports.files.OutputFolder;
import io.nodesim.reports.html.HtmlReport;
import io.nodesim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code nodesim run} writes: nodes.csv, pods.csv, workloads.csv, summary.csv,
 * events.csv (when asked), every registered chart as PNG and SVG, and report.html.
 *
 * <p>The charts and the page are drawn in memory first, so a failure while drawing leaves no output
 * folder at all; then each file is written to a temporary name and moved into place, so no file is
 * ever seen half written.
 */
public final class RunOutputs {
    private RunOutputs() {
    }

    /** Writes the outputs into {@code dir} (created if needed) and returns the files written, in order. */
    public static List<Path> write(Path dir, Scenario scenario, List<RunResult> runs, List<MetricSummary> summaries,
            boolean events) throws IOException {
        ChartInput input = new ChartInput(scenario, runs, summaries);
        List<RenderedChart> charts = ChartRenderer.inParallel(ChartRegistry.RUN_CHARTS,
                chart -> ChartRenderer.render(chart, input));
        List<String> dataFiles = new ArrayList<>(List.of(ResultCsv.NODES, ResultCsv.PODS, ResultCsv.WORKLOADS,
                ResultCsv.SUMMARY));
        if (events) {
            dataFiles.add(ResultCsv.EVENTS);
        }
        String page = HtmlReport.render(scenario, runs, summaries, charts, dataFiles);

        OutputFolder out = new OutputFolder(dir);
        ResultCsv.writeNodes(out, runs);
        ResultCsv.writePods(out, runs);
        ResultCsv.writeWorkloads(out, runs);
        ResultCsv.writeSummary(out, summaries);
        if (events) {
            ResultCsv.writeEvents(out, runs);
        }
        for (RenderedChart c : charts) {
            c.writeTo(out);
        }
        out.writeText(HtmlReport.FILE_NAME, w -> w.write(page));
        return out.written();
    }
}
