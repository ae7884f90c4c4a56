package io.nodesim.reports.charts.run;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.MetricRegistry;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RecoveryPhase;
import io.nodesim.metrics.RunResult;
import io.nodesim.reports.charts.ChartInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the time goes between a fault and a replacement Ready, per workload: the mean of each phase
 * over the pods that went through every step (pods whose node came back, or that were never
 * replaced, have no complete chain and are left out). Pooled over every replication.
 */
public final class PhaseBreakdownData {
    /** The phases' labels in order, each phase ending where the next begins. */
    public static final List<String> PHASES = MetricRegistry.PHASES.stream().map(RecoveryPhase::label).toList();

    /** One bar: a workload (or all pods), how many complete chains it has, and the mean of each phase in seconds. */
    public record Bar(String category, int pods, double[] meanSeconds) {
        public Bar {
            meanSeconds = meanSeconds.clone();
        }

        @Override
        public double[] meanSeconds() {
            return meanSeconds.clone();
        }
    }

    private PhaseBreakdownData() {
    }

    /** A bar per workload in name order, then "all pods" when there is more than one workload. */
    public static List<Bar> of(ChartInput input) {
        Map<String, double[]> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        double[] all = new double[PHASES.size()];
        int allCount = 0;
        for (RunResult run : input.runs()) {
            Map<String, List<NodeRecord>> nodes = RecoveryPhase.episodesByNode(run);
            for (PodRecord p : run.pods()) {
                long[] t = RecoveryPhase.chain(p, nodes.get(p.node()));
                if (t == null) {
                    continue;
                }
                double[] sum = sums.computeIfAbsent(p.workload(), w -> new double[PHASES.size()]);
                for (int i = 0; i < PHASES.size(); i++) {
                    double d = SimTime.toSeconds(t[i + 1] - t[i]);
                    sum[i] += d;
                    all[i] += d;
                }
                counts.merge(p.workload(), 1, Integer::sum);
                allCount++;
            }
        }
        List<Bar> bars = new ArrayList<>();
        sums.forEach((w, sum) -> bars.add(bar(w, counts.get(w), sum)));
        if (bars.size() > 1) {
            bars.add(bar("all pods", allCount, all));
        }
        return bars;
    }

    private static Bar bar(String category, int n, double[] sum) {
        double[] mean = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = sum[i] / n;
        }
        return new Bar(category, n, mean);
    }
}
