package io.nodesim.reports.charts.run;

import io.nodesim.metrics.Metric;
import io.nodesim.metrics.MetricRegistry;
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
    /** The steps of recovery, in the order they happen, each a metric measured from the fault. */
    public static final List<Metric> PHASES = List.of(MetricRegistry.TIME_TO_UNKNOWN,
            MetricRegistry.TIME_TO_NOEXECUTE_TAINT, MetricRegistry.TIME_TO_POD_DELETION,
            MetricRegistry.TIME_TO_REPLACEMENT_READY);

    static final int MAX_POINTS = 1000;

    private RecoveryCdfData() {
    }

    /** One series per phase that has samples, named "label (n=count)". */
    public static List<Series> of(ChartInput input) {
        List<Series> out = new ArrayList<>();
        for (Metric phase : PHASES) {
            double[] samples = input.pooledSamples(phase.name());
            if (samples.length > 0) {
                out.add(Ecdf.of(phase.label() + " (n=" + samples.length + ")", samples, MAX_POINTS));
            }
        }
        return out;
    }
}
