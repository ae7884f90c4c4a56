package io.nodesim.reports.charts.run;

import io.nodesim.reports.charts.ChartInput;
import io.nodesim.reports.charts.ChartStyle;
import io.nodesim.reports.charts.RunChart;
import io.nodesim.reports.charts.Series;
import io.nodesim.scenario.ControllerManagerConfig;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/** NoExecute taint times per zone as steps: the per-zone rate limiter of the node lifecycle controller made visible. */
public final class TaintStaircaseChart implements RunChart<TaintStaircaseChart.Shown> {
    @Override
    public String fileName() {
        return "taint-staircase";
    }

    @Override
    public String title() {
        return "NoExecute taints per zone";
    }

    @Override
    public String question() {
        return "How fast does each zone's rate limiter let the NoExecute taints through, and for how long does the "
                + "last node of a zone wait?";
    }

    @Override
    public Shown data(ChartInput input) {
        String shown = input.shownRun().map(r -> "; replication " + r.replication()).orElse("");
        return new Shown(TaintStaircaseData.of(input), rates(input.scenario().kubeControllerManager()) + shown);
    }

    @Override
    public JFreeChart draw(Shown shown) {
        XYPlot plot = ChartStyle.stepPlot(ChartStyle.axis("time since scenario start (s)"),
                ChartStyle.countAxis("nodes tainted NoExecute"), shown.zones(), 0);
        plot.setNoDataMessage("No node was tainted NoExecute in this run.");
        JFreeChart chart = ChartStyle.chart(title(), plot, true);
        chart.addSubtitle(new TextTitle(shown.subtitle(), ChartStyle.TICK_FONT));
        return chart;
    }

    /** The zones' staircases, and the subtitle: the eviction rates and the replication shown. */
    public record Shown(List<Series> zones, String subtitle) {
    }

    private static String rates(ControllerManagerConfig c) {
        String every = c.nodeEvictionRate() > 0
                ? String.format(Locale.ROOT, " (one node every %.1f s per zone)", 1 / c.nodeEvictionRate())
                : "";
        return String.format(Locale.ROOT, "node-eviction-rate %s/s%s; secondary-node-eviction-rate %s/s",
                plain(c.nodeEvictionRate()), every, plain(c.secondaryNodeEvictionRate()));
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
