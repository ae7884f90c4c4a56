package io.nodesim.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.reports.Fixtures;
import io.nodesim.reports.Xml;
import io.nodesim.reports.charts.ChartInput;
import io.nodesim.reports.charts.ChartRegistry;
import io.nodesim.reports.charts.ChartRenderer;
import io.nodesim.reports.charts.RenderedChart;
import io.nodesim.reports.charts.RunChart;
import io.nodesim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {
    private static String page(Scenario scenario, List<RunResult> runs) {
        ChartInput input = new ChartInput(scenario, runs, Fixtures.tinySummaries());
        List<RenderedChart> charts = new ArrayList<>();
        for (RunChart<?> c : ChartRegistry.RUN_CHARTS) {
            charts.add(ChartRenderer.render(c, input));
        }
        return HtmlReport.render(scenario, runs, Fixtures.tinySummaries(), charts, List.of("nodes.csv", "pods.csv"));
    }

    private static Element byId(Document d, String id) {
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    @Test
    void wellFormed_referencesEveryChart_embedsItsImage() throws Exception {
        String html = page(Fixtures.tinyScenario(), List.of(Fixtures.tinyResult()));
        Document d = Xml.parse(html);
        NodeList imgs = d.getElementsByTagName("img");
        assertEquals(ChartRegistry.RUN_CHARTS.size(), imgs.getLength());
        for (RunChart<?> c : ChartRegistry.RUN_CHARTS) {
            Element fig = byId(d, "chart-" + c.fileName());
            Element img = (Element) fig.getElementsByTagName("img").item(0);
            assertTrue(img.getAttribute("src").startsWith("data:image/png;base64,iVBOR"), "an embedded PNG");
            assertTrue(fig.getTextContent().contains(c.question()));
            assertTrue(html.contains("href=\"" + c.fileName() + ".svg\""));
        }
        assertTrue(!html.contains("http://") || html.indexOf("http://") == html.indexOf("http://www.w3.org/1999/xhtml"),
                "no network reference besides the XHTML namespace");
    }

    @Test
    void textIsEscaped() throws Exception {
        String html = page(Fixtures.tinyScenario(), List.of(Fixtures.tinyResult()));
        assertTrue(html.contains("One node crashes; its &quot;web&quot; pod moves &amp; the bare pod &lt;solo&gt; is lost."));
        Document d = Xml.parse(html);
        assertTrue(d.getDocumentElement().getTextContent()
                .contains("One node crashes; its \"web\" pod moves & the bare pod <solo> is lost."));
        assertEquals("a&lt;b&gt;&amp;&quot;&#39;\uFFFD", HtmlWriter.escape("a<b>&\"'\u0001"));
    }

    @Test
    void scenarioSettingsAndOrigins() throws Exception {
        Document d = Xml.parse(page(Fixtures.tinyScenario(), List.of(Fixtures.tinyResult())));
        String scenario = byId(d, "scenario").getTextContent();
        assertTrue(scenario.contains("1.35") && scenario.contains("1.34+") && scenario.contains("NodeCrash at 10s"),
                scenario);
        NodeList rows = byId(d, "settings-table").getElementsByTagName("tr");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            texts.add(rows.item(i).getTextContent());
        }
        assertTrue(texts.contains("kubeControllerManager.node-monitor-grace-period50sprofile 1.34+"), texts.toString());
        assertTrue(texts.contains("seed7--set seed=7"), texts.toString());
        assertTrue(texts.contains("latencies.watchuniform(0.01s, 0.1s)default nodesim"), texts.toString());
        assertTrue(texts.contains("kubeControllerManager.pod-eviction-timeout5m0sdefault nodesim"), texts.toString());
        assertTrue(texts.contains("workloads[0].spec.replicas2--set workloads[0].spec.replicas=2"), texts.toString());
    }

    @Test
    void summaryTableHasEveryMetric() throws Exception {
        Document d = Xml.parse(page(Fixtures.tinyScenario(), List.of(Fixtures.tinyResult())));
        NodeList rows = byId(d, "summary-table").getElementsByTagName("tr");
        assertEquals(1 + Fixtures.tinySummaries().size(), rows.getLength());
        assertEquals("time_to_pod_deletion2345.2110.001345.210345.211345.211345.211345.211",
                rows.item(2).getTextContent());
    }

    @Test
    void whySection_everyDisruptedPodOpensItsChain_withTheReasonForWhatDidNotHappen() throws Exception {
        Document d = Xml.parse(page(Fixtures.tinyScenario(), List.of(Fixtures.tinyResult())));
        NodeList details = byId(d, "why-pods").getElementsByTagName("details");
        assertEquals(2, details.getLength());
        Element web = (Element) details.item(0);
        assertEquals("web-1 (Deployment web) on n-0 in zone a, replication 0",
                web.getElementsByTagName("summary").item(0).getTextContent());
        NodeList rows = web.getElementsByTagName("tr");
        List<String> rules = new ArrayList<>();
        for (int i = 1; i < rows.getLength(); i++) {
            rules.add(((Element) rows.item(i)).getElementsByTagName("td").item(1).getTextContent());
        }
        assertEquals(List.of("crash", "Unknown", "pod NotReady", "NoExecute taint", "deletion", "replacement",
                "scheduled", "Ready"), rules);
        Element solo = (Element) details.item(1);
        NodeList soloRows = solo.getElementsByTagName("tr");
        Element last = (Element) soloRows.item(soloRows.getLength() - 1);
        assertEquals("not", last.getAttribute("class"));
        assertTrue(last.getTextContent().endsWith("a bare Pod has no controller: nothing replaces it"),
                last.getTextContent());
    }

    @Test
    void causalChainOfTheSlowestPod_fromEvents() throws Exception {
        Document d = Xml.parse(page(Fixtures.tinyScenario(), List.of(Fixtures.tinyResult())));
        NodeList rows = byId(d, "chain-table").getElementsByTagName("tr");
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < rows.getLength(); i++) {
            texts.add(rows.item(i).getTextContent());
        }
        assertEquals(List.of(
                "10.0000.000NodeFaultn-0NodeCrash",
                "55.12345.123NodeReadyUnknownn-0",
                "55.12445.124TaintAddedn-0node.kubernetes.io/unreachable:NoSchedule",
                "55.13045.130PodNotReadydefault/web-1",
                "55.20045.200TaintAddedn-0node.kubernetes.io/unreachable:NoExecute",
                "355.210345.210PodDeleteddefault/web-1tolerationSeconds=300, \"unreachable\"",
                "355.300345.300PodCreateddefault/web-3replaces web-1",
                "355.350345.350PodScheduleddefault/web-3n-1",
                "362.401352.401PodReadydefault/web-3"), texts);
    }

    @Test
    void causalChain_withoutEventsIsRebuiltFromRecords() {
        RunResult r = Fixtures.tinyResult();
        RunResult noEvents = new RunResult(0, r.nodes(), r.pods(), r.workloads(), List.of(), r.metrics(), 0);
        CausalChain c = CausalChain.slowest(List.of(noEvents)).orElseThrow();
        assertEquals("web-1", c.pod().pod());
        assertEquals(List.of("NodeFault", "NodeReadyUnknown", "TaintAdded", "PodNotReady", "TaintAdded", "PodDeleted",
                "PodCreated", "PodScheduled", "PodReady"), c.steps().stream().map(EventRecord::kind).toList());
        assertTrue(!c.fromEvents());
    }

    @Test
    void causalChain_large_showsTheZoneGoingFullyDisrupted() {
        CausalChain c = CausalChain.slowest(List.of(Fixtures.largeResult())).orElseThrow();
        List<String> kinds = c.steps().stream().map(e -> e.kind() + (e.kind().equals("ZoneState") ? ":" + e.detail() : ""))
                .toList();
        int unknown = kinds.indexOf("NodeReadyUnknown");
        int full = kinds.indexOf("ZoneState:FullDisruption");
        int deleted = kinds.indexOf("PodDeleted");
        assertTrue(unknown >= 0 && full > 0 && deleted > full, kinds.toString());
        assertEquals("PodReady", kinds.get(kinds.size() - 1));
        assertTrue(c.steps().stream().allMatch(e -> !e.kind().equals("NodeFault") || e.object().equals(c.node().node())),
                "only the slowest pod's node");
    }

    @Test
    void emptyRunSaysThereIsNothingToShow() throws Exception {
        RunResult empty = new RunResult(0, List.of(), List.of(), List.of(), List.of(), Map.of(), 0);
        String html = page(Fixtures.emptyScenario(), List.of(empty));
        Xml.parse(html);
        assertTrue(html.contains("No pod stood on a failed node"));
    }
}
