package io.nodesim.reports.html;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.reports.why.PodWhy;
import io.nodesim.reports.why.RunFacts;
import io.nodesim.reports.why.WhyStep;
import java.util.List;

/**
 * The "Why?" section of report.html: every disrupted pod of the first replication as a
 * {@code <details>} element; clicking its name opens the same chain {@code nodesim why} prints. No
 * script: the page stays self-contained and the same input gives the same bytes.
 */
final class WhySection {
    /** Beyond this many pods the page would grow without helping anyone; nodesim why covers the rest. */
    static final int MAX_PODS = 200;

    private WhySection() {
    }

    static void write(HtmlWriter h, List<RunResult> runs) {
        h.element("h2", "Why? Each disrupted pod's causal chain", "id", "why").markup("\n");
        if (runs.isEmpty() || runs.get(0).pods().isEmpty()) {
            h.element("p", "No pod was disrupted: there is no chain to show.", "class", "muted").markup("\n");
            return;
        }
        RunResult run = runs.get(0);
        if (run.events().isEmpty()) {
            h.element("p", "Run with --events to see each pod's chain here (and with nodesim why RUN_DIR POD).",
                    "class", "muted").markup("\n");
            return;
        }
        List<PodRecord> pods = run.pods();
        h.element("p", "Replication " + run.replication() + ", " + pods.size() + " disrupted pod(s)"
                + (pods.size() > MAX_PODS ? ", the first " + MAX_PODS + " shown" : "")
                + ". Click a pod for its chain, rule by rule; a step that did not happen says why "
                + "(nodesim why RUN_DIR POD prints the same).").markup("\n");
        RunFacts facts = RunFacts.of(run);
        h.open("div", "id", "why-pods").markup("\n");
        for (PodRecord p : pods.subList(0, Math.min(MAX_PODS, pods.size()))) {
            h.open("details", "class", "why").markup("\n");
            h.element("summary", PodWhy.header(facts, p.pod())).markup("\n");
            h.open("table", "class", "why-chain").markup("\n");
            h.row("th", "time (s)", "rule", "what happened, or why not");
            for (WhyStep s : PodWhy.explain(facts, p.pod())) {
                h.open("tr", "class", s.happened() ? "done" : "not");
                h.element("td", s.happened() ? SimTime.formatSeconds(s.time()) : "not", "class", "n");
                h.element("td", s.rule()).element("td", s.text());
                h.close("tr");
            }
            h.close("table").close("details");
        }
        h.close("div");
    }
}
