package io.nodesim.reports.charts.sweep;

import java.util.List;

/**
 * One kind of chart drawn for every {@code sweep}. Unlike a run chart, one kind may draw several
 * figures (one per varied setting, one per metric) or none (a heatmap needs a two-setting grid). A new
 * kind is one class implementing this and one line in
 * {@link io.nodesim.reports.charts.ChartRegistry#SWEEP_CHARTS}; the writer, sweep.html and the
 * render tests pick it up. Implementations keep their data in a separate, golden-tested class.
 */
public interface SweepChart {
    /** What this kind shows, for sweep.html when it draws nothing; ends with a full stop. */
    String description();

    /**
     * The one line sweep.html shows in place of this chart when {@link #draw} drew nothing for the
     * sweep: what it would show and why it has nothing to show here; ends with a full stop.
     */
    default String notDrawn(SweepInput input) {
        return description() + " Not drawn for this sweep" + (input.results().size() == 0
                ? ": no point of the sweep has finished." : ".");
    }

    /** The figures for this sweep, in page order, each with a distinct file name; may be empty. */
    List<SweepFigure> draw(SweepInput input);
}
