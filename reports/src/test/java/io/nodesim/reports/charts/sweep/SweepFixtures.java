package io.nodesim.reports.charts.sweep;

import io.nodesim.experiment.SweepTable;
import io.nodesim.reports.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Hand-written sweep.csv tables for the sweep chart tests: every number in them is known. */
public final class SweepFixtures {
    public static final String GRACE = "kubeControllerManager.node-monitor-grace-period";
    public static final String TOLERATION = "kubeApiServer.default-unreachable-toleration-seconds";
    public static final String RATE = "kubeControllerManager.node-eviction-rate";

    private SweepFixtures() {
    }

    static String header(List<String> parameters, List<String> metrics) {
        return SweepTable.header(parameters, metrics);
    }

    /** A sweep that has not finished a point: sweep.csv does not exist yet. */
    public static SweepInput empty() {
        return input(SweepResults.parse(List.of(GRACE), List.of()), 1);
    }

    /** One setting, two points, one replication each: means only, no intervals. */
    public static SweepResults tinyResults() {
        return SweepResults.parse(List.of(GRACE), List.of(
                header(List.of(GRACE), List.of("time_to_pod_deletion", "false_evictions")),
                "20s,25.500,,,25.500,25.500,3.000,,,3.000,3.000",
                "40s,45.250,,,45.250,45.250,0.000,,,0.000,0.000"));
    }

    public static SweepInput tiny() {
        return input(tinyResults(), 1);
    }

    /**
     * A 2 x 3 grid of grace x toleration, 10 replications. time_to_dead_pod_deletion = grace + toleration
     * + 5; false evictions fall as either grows; time_to_unknown only depends on grace; the point
     * (40s, 30) has no dead pod (its cells are empty).
     */
    public static SweepResults gridResults() {
        List<String> lines = new ArrayList<>();
        lines.add(header(List.of(GRACE, TOLERATION),
                List.of("time_to_unknown", "time_to_pod_deletion", "time_to_dead_pod_deletion", "false_evictions")));
        lines.add("20s,10," + stat(20) + "," + stat(40) + "," + stat(35) + "," + stat(6));
        lines.add("20s,30," + stat(20) + "," + stat(55) + "," + stat(55) + "," + stat(2));
        lines.add("20s,300," + stat(20) + "," + stat(325) + "," + stat(325) + "," + stat(0));
        lines.add("40s,10," + stat(40) + "," + stat(55) + "," + stat(55) + "," + stat(3));
        lines.add("40s,30," + stat(40) + "," + stat(75) + ",,,,," + "," + stat(2));
        lines.add("40s,300," + stat(40) + "," + stat(345) + "," + stat(345) + "," + stat(0));
        return SweepResults.parse(List.of(GRACE, TOLERATION), lines);
    }

    public static SweepInput grid() {
        return input(gridResults(), 10);
    }

    /**
     * Three settings, 10 values each: 1,000 points, one replication each, whose metrics are smooth
     * functions of the settings (a stress test for the drawing, not a model).
     */
    public static SweepInput large() {
        List<String> lines = new ArrayList<>();
        lines.add(header(List.of(GRACE, TOLERATION, RATE), List.of("time_to_unknown", "time_to_pod_deletion",
                "false_evictions")));
        for (int g = 0; g < 10; g++) {
            for (int t = 0; t < 10; t++) {
                for (int r = 0; r < 10; r++) {
                    double grace = 10 + 5 * g;
                    double toleration = 30 * t;
                    double rate = 0.05 * (r + 1);
                    lines.add(String.format(Locale.ROOT, "%ds,%d,%.2f,%s,%s,%s", (int) grace, (int) toleration, rate,
                            stat(grace), stat(grace + toleration + 1 / rate), stat(100 / (grace + toleration + 1))));
                }
            }
        }
        return input(SweepResults.parse(List.of(GRACE, TOLERATION, RATE), lines), 1);
    }

    /** mean m, interval m ± 1, p50 m, p99 m + 2 (three decimals, as sweep.csv writes them). */
    static String stat(double m) {
        return String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f,%.3f", m, m - 1, m + 1, m, m + 2);
    }

    static SweepInput input(SweepResults results, int replications) {
        return new SweepInput(Fixtures.tinyScenario(), results, replications);
    }
}
