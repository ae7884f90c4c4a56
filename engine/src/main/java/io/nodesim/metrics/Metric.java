package io.nodesim.metrics;

/**
 * A row of summary.csv (DESIGN §3): what a run measured, declared once and registered in
 * {@link MetricRegistry}, which summary.csv, sweep.csv, the printed summary, the charts and the
 * HTML reports all read. The samples of one run are in {@link #unit()}, each measured from the fault
 * that caused it.
 */
public interface Metric {
    /** The name in summary.csv and sweep.csv, snake_case, e.g. {@code time_to_unknown}; never renamed. */
    String name();

    MetricUnit unit();

    /** A short human label for chart axes and legends, without the unit, e.g. {@code time to Unknown}. */
    String label();

    /** One sentence for the reports and the docs: what is measured, from when to when. */
    String doc();

    /**
     * The samples of one run. A metric the controllers record as it happens reads them from
     * {@link RunResult#metrics()}; a metric derived from the run's records computes them from those.
     * Called once per run, when the run is collected ({@link MetricRegistry#measure}).
     */
    double[] samples(RunResult run);

    /** The label with the unit, for an axis: {@code time to Unknown (s)}. */
    default String axisLabel() {
        return label() + " (" + unit().symbol() + ")";
    }
}
