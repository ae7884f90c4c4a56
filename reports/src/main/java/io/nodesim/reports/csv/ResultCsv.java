package io.nodesim.reports.csv;

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
import java.util.function.Function;
import static io.nodesim.metrics.CsvCells.decimal;
import static io.nodesim.metrics.CsvCells.statistic;

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
            Rfc4180.RowWriter csv = open(w, SUMMARY_HEADER);
            for (MetricSummary s : summaries) {
                String m = s.metric();
                csv.text(m).integer(s.count()).text(statistic(m, s.mean())).text(statistic(m, s.stddev()))
                        .text(statistic(m, s.ci95Low())).text(statistic(m, s.ci95High())).text(statistic(m, s.min()))
                        .text(statistic(m, s.p50())).text(statistic(m, s.p90())).text(statistic(m, s.p99()))
                        .text(statistic(m, s.max())).end();
            }
            csv.flush();
        };
    }

    /** Writes one record as one row. */
    @FunctionalInterface
    private interface Row<T> {
        void write(Rfc4180.RowWriter csv, int replication, T record) throws IOException;
    }

    private static <T> OutputFolder.Body<Writer> perRun(List<String> header, List<RunResult> runs,
            Function<RunResult, List<T>> records, Row<T> row) {
        return w -> {
            Rfc4180.RowWriter csv = open(w, header);
            for (RunResult run : runs) {
                for (T record : records.apply(run)) {
                    row.write(csv, run.replication(), record);
                }
            }
            csv.flush();
        };
    }

    private static Rfc4180.RowWriter open(Writer w, List<String> header) throws IOException {
        Rfc4180.RowWriter csv = Rfc4180.rows(w);
        for (String name : header) {
            csv.text(name);
        }
        csv.end();
        return csv;
    }

    private static void nodeRow(Rfc4180.RowWriter csv, int replication, NodeRecord n) throws IOException {
        csv.integer(replication).text(n.node()).text(n.zone()).time(n.failedAt()).time(n.unknownAt())
                .time(n.noScheduleTaintAt()).time(n.noExecuteTaintAt()).time(n.readyAgainAt()).integer(n.episode())
                .time(n.joinedAt()).end();
    }

    private static void podRow(Rfc4180.RowWriter csv, int replication, PodRecord p) throws IOException {
        csv.integer(replication).text(p.pod()).text(p.workload()).text(p.node()).time(p.notReadyAt())
                .time(p.deletedAt()).text(p.replacementPod()).text(p.replacementNode()).time(p.replacementCreatedAt())
                .time(p.replacementScheduledAt()).time(p.replacementReadyAt()).text(Boolean.toString(p.falseEviction()))
                .time(p.replacementUnschedulableAt()).time(p.endpointRemovedAt()).end();
    }

    private static void workloadRow(Rfc4180.RowWriter csv, int replication, WorkloadRecord w) throws IOException {
        csv.integer(replication).text(w.workload()).text(w.kind()).integer(w.desired()).time(w.firstDisruptionAt())
                .time(w.fullyReadyAgainAt()).integer(w.minReady()).time(w.unavailableMicros())
                .text(decimal(w.availability(), MetricUnit.FRACTION.decimals())).time(w.endpointsUnavailableMicros())
                .end();
    }

    private static void eventRow(Rfc4180.RowWriter csv, int replication, EventRecord e) throws IOException {
        csv.integer(replication).time(e.time()).text(e.kind()).text(e.object()).text(e.detail()).end();
    }
}
