package io.nodesim.reports;

import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.RunResult;
import io.nodesim.reports.charts.ChartInput;
import io.nodesim.reports.charts.ChartRegistry;
import io.nodesim.reports.charts.ChartRenderer;
import io.nodesim.reports.charts.RenderedChart;
import io.nodesim.reports.charts.RunChartData;
import io.nodesim.reports.csv.ResultCsv;
import io.nodesim.reports.files.OnEveryCore;
import io.nodesim.reports.files.OutputFolder;
import io.nodesim.reports.html.HtmlReport;
import io.nodesim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

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
        OutputFolder out = new OutputFolder(dir);
        // The charts are drawn in memory, one after the other on one thread (ChartRenderer.inOrder),
        // while the next core computes their data ahead of the drawing and then the CSVs go to their
        // temporary names; pods.csv, the largest CSV of a large run, starts first. Nothing is moved
        // into place until everything is drawn and written, so a failure leaves no output behind.
        RunChartData chartData = new RunChartData(ChartRegistry.RUN_CHARTS, input);
        List<Callable<?>> jobs = new ArrayList<>();
        jobs.add(() -> new DrawnCharts(ChartRenderer.inOrder(ChartRegistry.RUN_CHARTS, chartData::draw)));
        jobs.add(() -> {
            chartData.computeAll();
            return null;
        });
        jobs.add(() -> out.stageText(ResultCsv.PODS, ResultCsv.pods(runs)));
        jobs.add(() -> out.stageText(ResultCsv.NODES, ResultCsv.nodes(runs)));
        if (events) {
            jobs.add(() -> out.stageText(ResultCsv.EVENTS, ResultCsv.events(runs)));
        }
        jobs.add(() -> out.stageText(ResultCsv.WORKLOADS, ResultCsv.workloads(runs)));
        jobs.add(() -> out.stageText(ResultCsv.SUMMARY, ResultCsv.summary(summaries)));
        List<Object> done = OnEveryCore.run(jobs, succeeded -> out.discard(staged(succeeded)));
        List<OutputFolder.Staged> csvs = staged(done);
        List<RenderedChart> charts = ((DrawnCharts) done.get(0)).charts();
        List<String> dataFiles = new ArrayList<>(List.of(ResultCsv.NODES, ResultCsv.PODS, ResultCsv.WORKLOADS,
                ResultCsv.SUMMARY));
        if (events) {
            dataFiles.add(ResultCsv.EVENTS);
        }
        String page;
        try {
            page = HtmlReport.render(scenario, runs, summaries, charts, dataFiles);
        } catch (RuntimeException e) {
            out.discard(csvs);
            throw e;
        }
        // moved into place in the documented order: the data files, the charts, the page
        for (String name : dataFiles) {
            out.commit(csvs.stream().filter(c -> c.fileName().equals(name)).findFirst().orElseThrow());
        }
        for (RenderedChart c : charts) {
            c.writeTo(out);
        }
        out.writeText(HtmlReport.FILE_NAME, w -> w.write(page));
        return out.written();
    }

    private record DrawnCharts(List<RenderedChart> charts) {
    }

    private static List<OutputFolder.Staged> staged(List<Object> results) {
        return results.stream().filter(OutputFolder.Staged.class::isInstance).map(OutputFolder.Staged.class::cast)
                .toList();
    }
}
