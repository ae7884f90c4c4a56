package io.nodesim.reports.charts.run;

import io.nodesim.reports.charts.ChartInput;
import io.nodesim.reports.charts.Ecdf;
import io.nodesim.reports.charts.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * The series of the recovery-phase CDF chart: for each phase, the empirical CDF of its metric
 * samples over every replication, each sample measured from the fault that caused it.
 */
public final class RecoveryCdfData {
    /** A recovery phase: the summary metric that measures it and its legend label. */
    public record Phase(String metric, String label) {
    }

    /** The phases in the order they happen. */
    public static final List<Phase> PHASES = List.of(
            new Phase("time_to_unknown", "node Ready → Unknown"),
            new Phase("time_to_noexecute_taint", "NoExecute taint"),
            new Phase("time_to_pod_deletion", "pod deleted"),
            new Phase("time_to_replacement_ready", "replacement Ready"));

    static final int MAX_POINTS = 1000;

    private RecoveryCdfData() {
    }

    /** One series per phase that has samples, named "label (n=count)". */
    public static List<Series> of(ChartInput input) {
        List<Series> out = new ArrayList<>();
        for (Phase phase : PHASES) {
            double[] samples = input.pooledSamples(phase.metric());
            if (samples.length > 0) {
                out.add(Ecdf.of(phase.label() + " (n=" + samples.length + ")", samples, MAX_POINTS));
            }
        }
        return out;
    }
}
