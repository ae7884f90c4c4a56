package io.nodesim.reports.html;

import io.nodesim.metrics.CsvCells;
import io.nodesim.metrics.MetricRegistry;
import io.nodesim.reports.charts.RenderedChart;
import io.nodesim.reports.charts.sweep.Names;
import io.nodesim.reports.charts.sweep.SweepInput;
import io.nodesim.reports.charts.sweep.SweepResults;
import io.nodesim.reports.charts.sweep.SweepResults.Stat;
import io.nodesim.reports.charts.sweep.TradeOffData;
import io.nodesim.reports.charts.sweep.TradeOffData.Point;
import io.nodesim.reports.charts.sweep.TradeOffData.TradeOff;
import io.nodesim.scenario.FaultSpec;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.parse.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * sweep.html: the page of a sweep, standing alone like report.html: what was varied, the settings on
 * the Pareto front of recovery time against false evictions, every sweep chart, and the table of
 * every point. Drawn from sweep.csv, so a resumed sweep gets the same page as an uninterrupted one.
 */
public final class SweepReport {
    public static final String FILE_NAME = "sweep.html";

    private SweepReport() {
    }

    /**
     * @param notDrawn for each registered sweep chart that drew nothing for this sweep, the line that says why
     * @param dataFiles the data files to link (sweep.csv)
     */
    public static String render(SweepInput input, List<RenderedChart> charts, List<String> notDrawn,
            List<String> dataFiles) {
        HtmlWriter h = new HtmlWriter();
        PageParts.head(h, "nodesim sweep: " + input.scenario().name());
        sweepSection(h, input);
        frontSection(h, input.results());
        PageParts.charts(h, charts);
        for (String d : notDrawn) {
            h.element("p", d, "class", "muted").markup("\n");
        }
        pointsSection(h, input.results());
        PageParts.files(h, dataFiles);
        return PageParts.end(h);
    }

    private static void sweepSection(HtmlWriter h, SweepInput input) {
        Scenario s = input.scenario();
        SweepResults r = input.results();
        h.element("h1", "Sweep: " + s.name()).markup("\n");
        if (!s.description().isEmpty()) {
            h.element("p", s.description()).markup("\n");
        }
        h.open("table", "id", "sweep").markup("\n");
        h.row("td", "Kubernetes version", s.kubernetesVersion().toString());
        h.row("td", "seed", Long.toString(s.seed()));
        h.row("td", "points", Integer.toString(r.size()));
        h.row("td", "replications per point", Integer.toString(input.replications()));
        h.row("td", "duration", Durations.format(s.duration()));
        h.row("td", "nodes", Integer.toString(s.nodeCount()));
        for (FaultSpec f : s.faults()) {
            h.row("td", "fault", HtmlReport.fault(f));
        }
        for (int p = 0; p < r.parameters().size(); p++) {
            h.row("td", "varied: " + r.parameters().get(p), String.join(", ", r.distinctValues(p)));
        }
        if (s.sourceFile() != null) {
            h.row("td", "scenario file", s.sourceFile());
        }
        h.close("table");
        h.element("p", "Every point ran the same replications with the same random streams (common random numbers): "
                + "the difference between two points is their settings' doing, not luck. Means are over replications; "
                + "intervals are 95 % Student-t intervals of the mean.", "class", "muted").markup("\n");
    }

    private static void frontSection(HtmlWriter h, SweepResults r) {
        h.element("h2", "Best settings: the Pareto front", "id", "front").markup("\n");
        Optional<TradeOff> found = TradeOffData.of(r);
        if (found.isEmpty()) {
            h.element("p", "This sweep has no false_evictions or recovery-time metric: there is no trade-off to show.",
                    "class", "muted").markup("\n");
            return;
        }
        TradeOff t = found.get();
        String recovery = t.recoveryMetric();
        h.element("p", t.anyFalseEviction()
                ? "Each setting below recovers faster than every setting with as few false evictions, and has fewer "
                        + "false evictions than every setting that recovers as fast. Every other point is beaten on "
                        + "both by one of these. Going down the table buys a faster recovery ("
                        + recovery + ") with more false evictions; choose how many your service can afford."
                : "No point of the sweep had a false eviction, so nothing is traded: the fastest setting below is "
                        + "best for " + recovery + ".").markup("\n");
        h.open("div", "class", "wide").open("table", "id", "front-table").markup("\n");
        List<String> head = new ArrayList<>(r.parameters());
        head.add(MetricRegistry.FALSE_EVICTIONS.label() + " [95 % CI]");
        head.add(recovery + " (" + MetricRegistry.byName(recovery).orElseThrow().unit().symbol() + ") [95 % CI]");
        h.row("th", head.toArray(String[]::new));
        for (Point p : t.front()) {
            h.open("tr");
            r.values(p.point()).forEach(v -> h.element("td", v));
            h.element("td", interval(p.x(), p.xLow(), p.xHigh()), "class", "n");
            h.element("td", interval(p.y(), p.yLow(), p.yHigh()), "class", "n");
            h.close("tr");
        }
        h.close("table").close("div");
    }

    private static void pointsSection(HtmlWriter h, SweepResults r) {
        h.element("h2", "Every point", "id", "points").markup("\n");
        if (r.size() == 0) {
            h.element("p", "No point has finished.", "class", "muted").markup("\n");
            return;
        }
        h.element("p", "Mean [95 % confidence interval] over the replications, in seconds (false evictions: pods per "
                + "run); an empty cell is undefined. p50 and p99 are in sweep.csv.").markup("\n");
        h.open("div", "class", "wide").open("table", "id", "points-table").markup("\n");
        List<String> head = new ArrayList<>();
        head.add("#");
        r.parameters().forEach(p -> head.add(Names.setting(p)));
        head.addAll(r.metrics());
        h.row("th", head.toArray(String[]::new));
        for (int i = 0; i < r.size(); i++) {
            h.open("tr").element("td", Integer.toString(i), "class", "n");
            r.values(i).forEach(v -> h.element("td", v));
            for (String m : r.metrics()) {
                Stat s = r.stat(i, m);
                h.element("td", interval(s.mean(), s.ci95Low(), s.ci95High()), "class", "n");
            }
            h.close("tr");
        }
        h.close("table").close("div");
    }

    private static String interval(double mean, double low, double high) {
        if (Double.isNaN(mean)) {
            return "";
        }
        String m = CsvCells.decimal(mean);
        return Double.isNaN(low) ? m : m + " [" + CsvCells.decimal(low) + ", " + CsvCells.decimal(high) + "]";
    }
}
