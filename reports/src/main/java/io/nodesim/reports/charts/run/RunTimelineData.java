package io.nodesim.reports.charts.run;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.metrics.WorkloadRecord;
import io.nodesim.reports.charts.ChartInput;
import io.nodesim.reports.charts.Series;
import io.nodesim.reports.charts.StepFunction;
import io.nodesim.scenario.FaultSpec;
import io.nodesim.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The series of the run timeline, derived from the records of the first replication (they are
 * always there, unlike the event log):
 * <ul>
 *   <li>nodes: not ready from {@code unknown_at} until {@code ready_again_at}; nodes added (joinAt,
 *       cluster-autoscaler) counted from their {@code joined_at};</li>
 *   <li>pods: a pod stops counting as ready at {@code not_ready_at} (or {@code deleted_at} if it was
 *       never marked) and its workload is whole again for it when its replacement is Ready, or, when
 *       it was not deleted, when its node is Ready again (the kubelet reports it Ready at once);</li>
 *   <li>pending pods: replacements between creation and scheduling;</li>
 *   <li>moments: NoExecute taints and pod deletions, counted as they happen.</li>
 * </ul>
 */
public final class RunTimelineData {
    /** At most this many workloads get their own line; the rest are summed into one. */
    static final int MAX_WORKLOAD_LINES = 6;
    static final int MAX_POINTS = 1500;

    /** A fault's window in seconds ({@code to} is the end of the run for a permanent fault). */
    public record FaultWindow(String label, double from, double to) {
    }

    /** Everything the timeline draws; each list may be empty. */
    public record Timeline(int replication, double endSeconds, List<Series> nodes, List<Series> pods,
            List<Series> moments, List<FaultWindow> faults) {
    }

    private RunTimelineData() {
    }

    public static Optional<Timeline> of(ChartInput input) {
        return input.shownRun().map(run -> of(input.scenario(), run));
    }

    static Timeline of(Scenario scenario, RunResult run) {
        long end = scenario.duration();
        return new Timeline(run.replication(), SimTime.toSeconds(end), nodes(scenario, run, end),
                pods(run, end), moments(run, end), faults(scenario, end));
    }

    private static List<Series> nodes(Scenario scenario, RunResult run, long end) {
        StepFunction notReady = new StepFunction();
        for (NodeRecord n : run.nodes()) {
            // A kubelet's Ready=False (runtime down, shutting down) shows as its not-ready NoSchedule
            // taint, one watch later; an Unknown node has its unknown_at first.
            long from = Math.min(n.unknownAt(), n.noScheduleTaintAt());
            if (from != SimTime.NEVER) {
                notReady.change(from, 1);
                notReady.change(n.readyAgainAt() > from ? n.readyAgainAt() : SimTime.NEVER, -1);
            }
        }
        Series down = notReady.toSeries("not-ready nodes", 0, 0, end, MAX_POINTS);
        double[] y = down.y();
        int total = scenario.nodeCount();
        for (int i = 0; i < y.length; i++) {
            y[i] = total - y[i];
        }
        StepFunction joined = new StepFunction();
        for (NodeRecord n : run.nodes()) {
            if (n.episode() == 1 && n.joinedAt() != SimTime.NEVER) {
                joined.change(n.joinedAt(), 1);
            }
        }
        if (joined.isEmpty()) {
            return List.of(new Series("ready nodes", down.x(), y), down);
        }
        return List.of(new Series("ready nodes", down.x(), y), down,
                joined.toSeries("nodes added", 0, 0, end, MAX_POINTS));
    }

    private static List<Series> pods(RunResult run, long end) {
        Map<String, NodeRecord> nodes = new HashMap<>();
        for (NodeRecord n : run.nodes()) {
            nodes.putIfAbsent(n.node(), n);
        }
        List<WorkloadRecord> shown = new ArrayList<>(run.workloads());
        shown.sort(Comparator.comparingInt(WorkloadRecord::desired).reversed().thenComparing(WorkloadRecord::workload));
        Map<String, String> lineOf = new HashMap<>();
        Map<String, Integer> desiredOf = new LinkedHashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            WorkloadRecord w = shown.get(i);
            String line = i < MAX_WORKLOAD_LINES || shown.size() == MAX_WORKLOAD_LINES + 1
                    ? "ready pods: " + w.workload()
                    : "ready pods: " + (shown.size() - MAX_WORKLOAD_LINES) + " other workloads";
            lineOf.put(w.workload(), line);
            desiredOf.merge(line, w.desired(), Integer::sum);
        }
        Map<String, StepFunction> unready = new LinkedHashMap<>();
        desiredOf.keySet().forEach(line -> unready.put(line, new StepFunction()));
        StepFunction pending = new StepFunction();
        for (PodRecord p : run.pods()) {
            pending.change(p.replacementCreatedAt(), 1);
            pending.change(p.replacementCreatedAt() == SimTime.NEVER ? SimTime.NEVER : p.replacementScheduledAt(), -1);
            String line = lineOf.get(p.workload());
            long from = Math.min(p.notReadyAt(), p.deletedAt());
            if (line == null || from == SimTime.NEVER) {
                continue;
            }
            unready.get(line).change(from, -1);
            unready.get(line).change(readyAgain(p, nodes.get(p.node()), from), 1);
        }
        List<Series> out = new ArrayList<>();
        unready.forEach((line, steps) -> out.add(steps.toSeries(line, desiredOf.get(line), 0, end, MAX_POINTS)));
        if (!pending.isEmpty()) {
            out.add(pending.toSeries("pending pods", 0, 0, end, MAX_POINTS));
        }
        return out;
    }

    private static long readyAgain(PodRecord p, NodeRecord node, long from) {
        if (p.replacementPod() != null && !p.replacementPod().isEmpty()) {
            return p.replacementReadyAt();
        }
        if (p.deletedAt() == SimTime.NEVER && node != null && node.readyAgainAt() != SimTime.NEVER
                && node.readyAgainAt() >= from) {
            return node.readyAgainAt();
        }
        return SimTime.NEVER;
    }

    private static List<Series> moments(RunResult run, long end) {
        StepFunction taints = new StepFunction();
        run.nodes().forEach(n -> taints.change(n.noExecuteTaintAt(), 1));
        StepFunction deletions = new StepFunction();
        run.pods().forEach(p -> deletions.change(p.deletedAt(), 1));
        return List.of(taints.toSeries("NoExecute taints so far", 0, 0, end, MAX_POINTS),
                deletions.toSeries("pod deletions so far", 0, 0, end, MAX_POINTS));
    }

    private static List<FaultWindow> faults(Scenario scenario, long end) {
        List<FaultWindow> out = new ArrayList<>();
        for (FaultSpec f : scenario.faults()) {
            if ("RandomNodeFailures".equals(f.type()) || f.at() >= end) {
                continue; // failures at random moments have no one window to shade
            }
            long to = f.permanent() || f.duration() > end - f.at() ? end : f.at() + f.duration();
            out.add(new FaultWindow(f.type(), SimTime.toSeconds(f.at()), SimTime.toSeconds(to)));
        }
        return out;
    }
}
