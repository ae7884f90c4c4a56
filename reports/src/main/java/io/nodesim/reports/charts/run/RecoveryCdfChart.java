package io.nodesim.reports.charts.run;

import io.nodesim.reports.charts.ChartInput;
import io.nodesim.reports.charts.ChartStyle;
import io.nodesim.reports.charts.RunChart;
import io.nodesim.reports.charts.Series;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

/** The CDFs of the recovery phases, overlaid: how long each step of recovery takes, and how much it varies. */
public final class RecoveryCdfChart implements RunChart<List<Series>> {
    @Override
    public String fileName() {
        return "recovery-cdf";
    }

    @Override
    public String title() {
        return "Time from fault to each recovery step (CDF)";
    }

    @Override
    public String question() {
        return "How long after a fault is the node marked Unknown, tainted NoExecute, its pods deleted, and their "
                + "replacements Ready, and how widely does each vary?";
    }

    @Override
    public List<Series> data(ChartInput input) {
        return RecoveryCdfData.of(input);
    }

    @Override
    public JFreeChart draw(List<Series> series) {
        NumberAxis x = ChartStyle.axis("time since the fault (s)");
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = ChartStyle.axis("share of samples at or below x");
        y.setRange(0, 1.02);
        XYPlot plot = ChartStyle.stepPlot(x, y, series, 0);
        plot.setNoDataMessage("No fault was detected in this run: no recovery to show.");
        return ChartStyle.chart(title(), plot, true);
    }
}
