package io.nodesim.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.experiment.Summaries;
import io.nodesim.metrics.Metric;
import io.nodesim.metrics.MetricRegistry;
import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.Rfc4180;
import io.nodesim.metrics.RunResult;
import io.nodesim.reports.csv.ResultCsv;
import io.nodesim.reports.files.OutputFolder;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.simulation.ClusterSimulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered metric promises, checked on one small deterministic run (two replications),
 * the same way for each: a new metric is held to it by being registered.
 */
class MetricContractTest {
    /** The metrics summary.csv must have (DESIGN §3): a public contract, never renamed or dropped. */
    static final List<String> DESIGN_METRICS = List.of("time_to_unknown", "time_to_noexecute_taint",
            "time_to_pod_not_ready", "time_to_pod_deletion", "time_to_replacement_ready",
            "workload_unavailable_seconds", "false_evictions");

    @TempDir
    static Path dir;

    private static List<RunResult> runs;
    private static RunResult rerun;
    private static Map<String, List<String>> summaryRows;

    @BeforeAll
    static void runTheContractScenario() throws Exception {
        Path yaml = Path.of(MetricContractTest.class.getResource("/metric-contract.yaml").toURI());
        Scenario scenario = ScenarioLoader.load(yaml);
        runs = List.of(ClusterSimulation.run(scenario, 0, false), ClusterSimulation.run(scenario, 1, false));
        rerun = ClusterSimulation.run(scenario, 0, false);
        Path csv = ResultCsv.writeSummary(new OutputFolder(dir), Summaries.summarize(runs));
        summaryRows = new LinkedHashMap<>();
        Files.readAllLines(csv).stream().skip(1).map(Rfc4180::cells).forEach(c -> summaryRows.put(c.get(0), c));
    }

    static Stream<Named<Metric>> metrics() {
        return MetricRegistry.ALL.stream().map(m -> Named.of(m.name(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void samplesAreValuesOfTheDeclaredUnit_andTheRunExercisesIt(Metric metric) {
        int count = 0;
        boolean positive = false;
        for (RunResult run : runs) {
            double[] samples = run.metrics().get(metric.name());
            for (double x : samples) {
                assertTrue(metric.unit().admits(x), metric.name() + " sample " + x + " is not a value in "
                        + metric.unit());
            }
            count += samples.length;
            positive |= Arrays.stream(samples).anyMatch(x -> x > 0);
        }
        assertTrue(count > 0 && positive, metric.name() + " has no positive sample in the contract run: it is not "
                + "exercised");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void samplesAreWhatTheMetricExtractsFromTheRun_andTheSameForTheSameSeed(Metric metric) {
        for (RunResult run : runs) {
            assertArrayEquals(run.metrics().get(metric.name()), metric.samples(run), metric.name());
        }
        assertArrayEquals(runs.get(0).metrics().get(metric.name()), rerun.metrics().get(metric.name()), metric.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void appearsInSummaryCsv_underItsName_withEverySample(Metric metric) {
        List<String> row = summaryRows.get(metric.name());
        assertTrue(row != null, metric.name() + " is not in summary.csv: " + summaryRows.keySet());
        int samples = runs.stream().mapToInt(r -> r.metrics().get(metric.name()).length).sum();
        assertEquals(Integer.toString(samples), row.get(1), metric.name() + " count");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void isNamedLabelledAndDocumented(Metric metric) {
        assertTrue(metric.name().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), metric.name() + " is not snake_case");
        assertFalse(metric.label().isBlank(), metric.name() + " has no label");
        assertNotEquals(metric.name(), metric.label(), metric.name() + ": the label is for people, not the name");
        assertFalse(metric.label().contains("(" + metric.unit().symbol() + ")"),
                metric.name() + ": the unit is added by axisLabel, not written in the label");
        assertTrue(metric.doc().length() > 20 && metric.doc().endsWith("."), metric.name() + " has no doc sentence");
        assertEquals(metric, MetricRegistry.byName(metric.name()).orElseThrow());
    }

    @Test
    void everyMetricOfDesignSection3IsRegistered() {
        for (String name : DESIGN_METRICS) {
            assertTrue(MetricRegistry.byName(name).isPresent(), name + " (DESIGN §3) is not registered");
        }
    }

    @Test
    void summaryCsvRowsAreTheRegistry_inItsOrder_eachNameOnce() {
        List<String> names = MetricRegistry.ALL.stream().map(Metric::name).toList();
        assertEquals(names.size(), new HashSet<>(names).size(), "a metric name is registered twice");
        assertEquals(names, List.copyOf(summaryRows.keySet()));
        assertEquals(names, List.copyOf(runs.get(0).metrics().keySet()));
        assertEquals(names, Summaries.summarize(runs).stream().map(MetricSummary::metric).toList());
    }
}
