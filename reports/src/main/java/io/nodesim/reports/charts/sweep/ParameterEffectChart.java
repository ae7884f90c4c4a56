package io.nodesim.reports.charts.sweep;

import io.nodesim.metrics.MetricRegistry;
import io.nodesim.reports.charts.ChartStyle;
import io.nodesim.reports.charts.sweep.ParameterEffectData.Effect;
import io.nodesim.reports.charts.sweep.ParameterEffectData.Panel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;

/**
 * Each metric against each varied setting: one figure per setting ({@code sweep-by-<setting>}), a
 * panel per metric on a shared x axis, the mean with its 95 % interval at every point.
 */
public final class ParameterEffectChart implements SweepChart {
    static final String PREFIX = "sweep-by-";
    private static final int PANEL_HEIGHT = 190;

    @Override
    public String description() {
        return "Each metric against each varied setting, with 95 % confidence intervals.";
    }

    @Override
    public List<SweepFigure> draw(SweepInput input) {
        SweepResults r = input.results();
        List<SweepFigure> figures = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int p = 0; p < r.parameters().size(); p++) {
            String parameter = r.parameters().get(p);
            String name = PREFIX + Names.slug(parameter);
            for (int k = 2; !names.add(name); k++) {
                name = PREFIX + Names.slug(parameter) + "-" + k;
            }
            Effect effect = ParameterEffectData.of(r, p);
            if (effect.panels().isEmpty()) {
                continue; // nothing finished, no metric: SweepOutputs says so in one line
            }
            int height = Math.max(420, 150 + PANEL_HEIGHT * effect.panels().size());
            figures.add(new SweepFigure(name, "Metrics against " + parameter,
                    "How does each metric change with " + parameter + ", and how sure is each mean (95 % CI)?",
                    build(parameter, effect, input.replications()), 1000, height));
        }
        return figures;
    }

    static JFreeChart build(String parameter, Effect effect, int replications) {
        ValueAxis x = SweepPlots.settingAxis(parameter, effect.kind(), effect.categories());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(14);
        boolean bars = effect.points() <= SweepPlots.MAX_POINTS_WITH_BARS;
        boolean first = true;
        for (Panel panel : effect.panels()) {
            NumberAxis y = ChartStyle.axis(MetricRegistry.axisLabel(panel.metric()));
            y.setLabelFont(ChartStyle.TICK_FONT);
            y.setUpperMargin(0.1); // keeps the markers at the extremes clear of the panel's edges
            y.setLowerMargin(0.1);
            SweepPlots.readableWhenConstant(y, panel.series());
            XYErrorRenderer renderer = SweepPlots.errorRenderer(panel.series().size(), effect.connected());
            renderer.setDrawYError(bars);
            // every panel has the same series in the same colours: one legend is enough
            renderer.setDefaultSeriesVisibleInLegend(first);
            XYPlot sub = new XYPlot(SweepPlots.dataset(panel.series()), null, y, renderer);
            ChartStyle.xyPlot(sub);
            plot.add(sub);
            first = false;
        }
        ChartStyle.xyPlot(plot);
        if (effect.panels().isEmpty()) {
            // a combined plot with no subplot draws nothing at all, not even its message: give it one empty panel
            XYPlot empty = new XYPlot(null, null, ChartStyle.axis(""), SweepPlots.errorRenderer(0, false));
            ChartStyle.xyPlot(empty);
            empty.setNoDataMessage("No point of the sweep has finished: nothing to show yet.");
            plot.add(empty);
        }
        JFreeChart chart = ChartStyle.chart("Metrics against " + Names.setting(parameter), plot, true);
        chart.addSubtitle(new TextTitle(subtitle(effect, replications, bars), ChartStyle.TICK_FONT));
        return chart;
    }

    private static String subtitle(Effect effect, int replications, boolean bars) {
        boolean several = effect.panels().stream().anyMatch(p -> p.series().size() > 1);
        String lines = effect.connected() && several ? "a line per combination of the other settings; " : "";
        String intervals = replications == 1 ? " (no interval with one)"
                : bars ? ", bars: 95 % confidence interval" : " (too many points for interval bars: see sweep.csv)";
        return lines + "mean of " + replications + " replication" + (replications == 1 ? "" : "s") + " per point"
                + intervals;
    }
}
