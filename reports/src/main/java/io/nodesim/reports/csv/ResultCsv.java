package io.nodesim.reports.csv;

import com.opencsv.ICSVWriter;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.MetricSummary;
import io.nodesim.metrics.MetricUnit;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.Rfc4180;
import io.nodesim.metrics.RunResult;
import io.nodesim.metrics.WorkloadRecord;
import io.nodesim.reports.files.OutputFolder;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import static io.nodesim.metrics.CsvCells.decimal;
import static io.nodesim.metrics.CsvCells.statistic;
import static io.nodesim.metrics.CsvCells.text;
import static io.nodesim.metrics.CsvCells.time;

/**
 * The CSV files of a run (DESIGN §3). The columns listed here are a public contract: users script
 * against their names and order, so new columns may only be appended. The dialect is {@link Rfc4180}'s.
 */
public final class ResultCsv {
    public static final String NODES = "nodes.csv";
    public static final String PODS = "pods.csv";
    public static final String WORKLOADS = "workloads.csv";
    public static final String SUMMARY = "summary.csv";
    public static final String EVENTS = "events.csv";

    public static final List<String> NODES_HEADER = List.of("replication", "node", "zone", "failed_at",
            "unknown_at", "noschedule_taint_at", "noexecute_taint_at", "ready_again_at", "episode", "joined_at");
    public static final List<String> PODS_HEADER = List.of("replication", "pod", "workload", "node",
            "not_ready_at", "deleted_at", "replacement_pod", "replacement_node", "replacement_created_at",
            "replacement_scheduled_at", "replacement_ready_at", "false_eviction", "replacement_unschedulable_at",
            "endpoint_removed_at");
    public static final List<String> WORKLOADS_HEADER = List.of("replication", "workload", "kind", "desired",
            "first_disruption_at", "fully_ready_again_at", "min_ready", "unavailable_seconds", "availability",
            "endpoints_unavailable_seconds");
    public static final List<String> SUMMARY_HEADER = List.of("metric", "count", "mean", "stddev",
            "ci95_low", "ci95_high", "min", "p50", "p90", "p99", "max");
    public static final List<String> EVENTS_HEADER = List.of("replication", "time", "kind", "object", "detail");

    private ResultCsv() {
    }

    public static Path writeNodes(OutputFolder out, List<RunResult> runs) throws IOException {
        return out.writeText(NODES, nodes(runs));
    }

    public static Path writePods(OutputFolder out, List<RunResult> runs) throws IOException {
        return out.writeText(PODS, pods(runs));
    }

    public static Path writeWorkloads(OutputFolder out, List<RunResult> runs) throws IOException {
        return out.writeText(WORKLOADS, workloads(runs));
    }

    public static Path writeEvents(OutputFolder out, List<RunResult> runs) throws IOException {
        return out.writeText(EVENTS, events(runs));
    }

    public static Path writeSummary(OutputFolder out, List<MetricSummary> summaries) throws IOException {
        return out.writeText(SUMMARY, summary(summaries));
    }

    /** The body of nodes.csv. */
    public static OutputFolder.Body<Writer> nodes(List<RunResult> runs) {
        return perRun(NODES_HEADER, runs, RunResult::nodes, ResultCsv::nodeRow);
    }

    /** The body of pods.csv. */
    public static OutputFolder.Body<Writer> pods(List<RunResult> runs) {
        return perRun(PODS_HEADER, runs, RunResult::pods, ResultCsv::podRow);
    }

    /** The body of workloads.csv. */
    public static OutputFolder.Body<Writer> workloads(List<RunResult> runs) {
        return perRun(WORKLOADS_HEADER, runs, RunResult::workloads, ResultCsv::workloadRow);
    }

    /** The body of events.csv. */
    public static OutputFolder.Body<Writer> events(List<RunResult> runs) {
        return perRun(EVENTS_HEADER, runs, RunResult::events, ResultCsv::eventRow);
    }

    /** The body of summary.csv. */
    public static OutputFolder.Body<Writer> summary(List<MetricSummary> summaries) {
        return w -> {
            ICSVWriter csv = open(w, SUMMARY_HEADER);
            for (MetricSummary s : summaries) {
                String m = s.metric();
                csv.writeNext(new String[] {m, Long.toString(s.count()), statistic(m, s.mean()),
                    statistic(m, s.stddev()), statistic(m, s.ci95Low()), statistic(m, s.ci95High()),
                    statistic(m, s.min()), statistic(m, s.p50()), statistic(m, s.p90()), statistic(m, s.p99()),
                    statistic(m, s.max())}, false);
            }
            finish(csv);
        };
    }

    private static <T> OutputFolder.Body<Writer> perRun(List<String> header, List<RunResult> runs,
            Function<RunResult, List<T>> records, BiFunction<Integer, T, String[]> row) {
        return w -> {
            ICSVWriter csv = open(w, header);
            for (RunResult run : runs) {
                for (T record : records.apply(run)) {
                    csv.writeNext(row.apply(run.replication(), record), false);
                }
            }
            finish(csv);
        };
    }

    private static ICSVWriter open(Writer w, List<String> header) {
        ICSVWriter csv = Rfc4180.writer(w);
        csv.writeNext(header.toArray(String[]::new), false);
        return csv;
    }

    private static void finish(ICSVWriter csv) throws IOException {
        csv.flush();
        if (csv.checkError()) {
            throw new IOException("writing CSV failed", csv.getException());
        }
    }

    private static String[] nodeRow(int replication, NodeRecord n) {
        return new String[] {Integer.toString(replication), n.node(), text(n.zone()), time(n.failedAt()),
            time(n.unknownAt()), time(n.noScheduleTaintAt()), time(n.noExecuteTaintAt()), time(n.readyAgainAt()),
            Integer.toString(n.episode()), time(n.joinedAt())};
    }

    private static String[] podRow(int replication, PodRecord p) {
        return new String[] {Integer.toString(replication), p.pod(), text(p.workload()), text(p.node()),
            time(p.notReadyAt()), time(p.deletedAt()), text(p.replacementPod()), text(p.replacementNode()),
            time(p.replacementCreatedAt()), time(p.replacementScheduledAt()), time(p.replacementReadyAt()),
            Boolean.toString(p.falseEviction()), time(p.replacementUnschedulableAt()), time(p.endpointRemovedAt())};
    }

    private static String[] workloadRow(int replication, WorkloadRecord w) {
        return new String[] {Integer.toString(replication), w.workload(), w.kind(), Integer.toString(w.desired()),
            time(w.firstDisruptionAt()), time(w.fullyReadyAgainAt()), Integer.toString(w.minReady()),
            time(w.unavailableMicros()), decimal(w.availability(), MetricUnit.FRACTION.decimals()),
            time(w.endpointsUnavailableMicros())};
    }

    private static String[] eventRow(int replication, EventRecord e) {
        return new String[] {Integer.toString(replication), time(e.time()), e.kind(), text(e.object()),
            text(e.detail())};
    }
}
