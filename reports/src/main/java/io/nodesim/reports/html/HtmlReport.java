package io.nodesim.reports.html;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.CsvCells;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.Metric;
import io.nodesim.metrics.MetricRegistry;
import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.MetricUnit;
import io.nodesim.metrics.RunResult;
import io.nodesim.reports.charts.RenderedChart;
import io.nodesim.scenario.EffectiveSettings;
import io.nodesim.scenario.FaultSpec;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.parse.Durations;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * report.html: one page that stands alone (charts embedded as PNG data URIs, no script, no network)
 * with the scenario, the summary table, every registered chart with the question it answers, the
 * causal chain of the slowest pod, every disrupted pod's chain behind a click ({@link WhySection}), and the effective settings with their origins. The same input
 * gives the same bytes.
 */
public final class HtmlReport {
    public static final String FILE_NAME = "report.html";

    private HtmlReport() {
    }

    /** The page as text. */
    public static String render(Scenario scenario, List<RunResult> runs, List<MetricSummary> summaries,
            List<RenderedChart> charts, List<String> dataFiles) {
        HtmlWriter h = new HtmlWriter();
        PageParts.head(h, "nodesim: " + scenario.name());
        scenarioSection(h, scenario, runs);
        summarySection(h, summaries);
        unrecoveredSection(h, runs);
        PageParts.charts(h, charts);
        chainSection(h, runs);
        WhySection.write(h, runs);
        settingsSection(h, scenario);
        PageParts.files(h, dataFiles);
        return PageParts.end(h);
    }

    private static void scenarioSection(HtmlWriter h, Scenario s, List<RunResult> runs) {
        h.element("h1", s.name()).markup("\n");
        if (!s.description().isEmpty()) {
            h.element("p", s.description()).markup("\n");
        }
        h.open("table", "id", "scenario").markup("\n");
        h.row("td", "Kubernetes version", s.kubernetesVersion().toString());
        h.row("td", "version profile", s.profile().name());
        h.row("td", "seed", Long.toString(s.seed()));
        h.row("td", "replications", runs.size() + " of " + s.replications());
        h.row("td", "duration", Durations.format(s.duration()));
        h.row("td", "nodes", Integer.toString(s.nodeCount()));
        h.row("td", "workloads", Integer.toString(s.workloads().size()));
        for (FaultSpec f : s.faults()) {
            h.row("td", "fault", fault(f));
        }
        if (s.sourceFile() != null) {
            h.row("td", "scenario file", s.sourceFile());
        }
        h.close("table");
    }

    /** A fault in one line: type, start, duration, target and its own fields. */
    static String fault(FaultSpec f) {
        return f.describe();
    }

    private static void summarySection(HtmlWriter h, List<MetricSummary> summaries) {
        h.element("h2", "Summary", "id", "summary").markup("\n");
        if (summaries.isEmpty()) {
            h.element("p", "No metric has samples.", "class", "muted").markup("\n");
            return;
        }
        String counts = MetricRegistry.ALL.stream().filter(m -> m.unit() == MetricUnit.COUNT).map(Metric::name)
                .collect(Collectors.joining(", "));
        String fractions = MetricRegistry.ALL.stream().filter(m -> m.unit() == MetricUnit.FRACTION).map(Metric::name)
                .collect(Collectors.joining(", "));
        h.element("p", "Seconds (counts per run: " + counts + "; fractions of the run: " + fractions + "), each measured from the fault that caused it; the "
                + "95 % confidence interval is of the mean over replications. An empty cell is undefined (too few "
                + "samples). A metric's name tells what it measures when pointed at.").markup("\n");
        h.open("div", "class", "wide").open("table", "id", "summary-table").markup("\n");
        h.row("th", "metric", "count", "mean", "stddev", "ci95 low", "ci95 high", "min", "p50", "p90", "p99", "max");
        for (MetricSummary m : summaries) {
            String[] doc = MetricRegistry.byName(m.metric())
                    .map(d -> new String[] {"title", d.doc() + " Unit: " + d.unit().symbol() + "."}).orElse(new String[0]);
            h.open("tr").element("td", m.metric(), doc);
            double[] values = {m.count(), m.mean(), m.stddev(), m.ci95Low(), m.ci95High(), m.min(), m.p50(), m.p90(),
                m.p99(), m.max()};
            for (int i = 0; i < values.length; i++) {
                h.element("td", i == 0 ? Long.toString(m.count()) : CsvCells.statistic(m.metric(), values[i]), "class", "n");
            }
            h.close("tr");
        }
        h.close("table").close("div");
    }

    private static void unrecoveredSection(HtmlWriter h, List<RunResult> runs) {
        List<String> lines = io.nodesim.reports.console.UnrecoveredPods.lines(runs);
        if (lines.isEmpty()) {
            return;
        }
        h.element("h2", "Not recovered at the end", "id", "unrecovered").markup("\n");
        h.open("ul", "id", "unrecovered-list").markup("\n");
        for (String line : lines) {
            h.element("li", line).markup("\n");
        }
        h.close("ul");
    }

    private static void chainSection(HtmlWriter h, List<RunResult> runs) {
        h.element("h2", "Causal chain of the slowest pod", "id", "chain").markup("\n");
        Optional<CausalChain> found = CausalChain.slowest(runs);
        if (found.isEmpty()) {
            h.element("p", "No pod stood on a failed node: there is no chain to show.", "class", "muted").markup("\n");
            return;
        }
        CausalChain c = found.get();
        h.element("p", "Pod " + c.pod().pod() + " (" + c.pod().workload() + ") on node " + c.node().node()
                + (c.node().zone() == null || c.node().zone().isEmpty() ? "" : " in zone " + c.node().zone())
                + ", replication " + c.replication() + ". "
                + (c.fromEvents() ? "From the event log." : "Rebuilt from nodes.csv and pods.csv; run with --events "
                        + "to see the zone-state transitions too.")).markup("\n");
        h.open("table", "id", "chain-table").markup("\n");
        h.row("th", "time (s)", "since fault (s)", "step", "object", "detail");
        for (EventRecord e : c.steps()) {
            h.open("tr");
            h.element("td", SimTime.formatSeconds(e.time()), "class", "n");
            h.element("td", SimTime.formatSeconds(e.time() - c.faultAt()), "class", "n");
            h.element("td", e.kind()).element("td", e.object()).element("td", e.detail());
            h.close("tr");
        }
        h.close("table");
    }

    private static void settingsSection(HtmlWriter h, Scenario s) {
        h.element("h2", "Effective settings", "id", "settings").markup("\n");
        h.element("p", "Every setting the run used and where its value came from: the scenario file, --set, or "
                + "the version profile's default.").markup("\n");
        h.open("table", "id", "settings-table").markup("\n");
        h.row("th", "setting", "value", "origin");
        for (EffectiveSettings.Setting st : EffectiveSettings.of(s)) {
            h.row("td", st.path(), st.value(), st.origin().toString());
        }
        h.close("table");
    }
}
