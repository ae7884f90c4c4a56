package io.nodesim.reports.charts.run;

import io.nodesim.reports.charts.ChartInput;
import io.nodesim.reports.charts.ChartStyle;
import io.nodesim.reports.charts.RunChart;
import io.nodesim.reports.charts.run.PhaseBreakdownData.Bar;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The mean of each recovery phase as stacked horizontal bars, one bar per workload. */
public final class PhaseBreakdownChart implements RunChart<List<Bar>> {
    @Override
    public String fileName() {
        return "phase-breakdown";
    }

    @Override
    public String title() {
        return "Where the recovery time goes";
    }

    @Override
    public String question() {
        return "Of the time from a fault to a replacement Ready, how much is detection, waiting for the taint, "
                + "waiting out the toleration, rescheduling and start-up?";
    }

    @Override
    public List<Bar> data(ChartInput input) {
        return PhaseBreakdownData.of(input);
    }

    @Override
    public JFreeChart draw(List<Bar> bars) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar bar : bars) {
            double[] mean = bar.meanSeconds();
            for (int i = 0; i < mean.length; i++) {
                data.addValue(mean[i], PhaseBreakdownData.PHASES.get(i), bar.category() + " (n=" + bar.pods() + ")");
            }
        }
        CategoryAxis categories = new CategoryAxis("workload");
        categories.setLabelFont(ChartStyle.LABEL_FONT);
        categories.setTickLabelFont(ChartStyle.TICK_FONT);
        categories.setMaximumCategoryLabelWidthRatio(0.35f);
        NumberAxis seconds = ChartStyle.axis("mean time since the fault (s)");
        seconds.setAutoRangeIncludesZero(true);
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        for (int i = 0; i < PhaseBreakdownData.PHASES.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
        }
        CategoryPlot plot = new CategoryPlot(data, categories, seconds, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        plot.setNoDataMessageFont(ChartStyle.LABEL_FONT);
        plot.setNoDataMessage("No pod went from fault to a Ready replacement in this run.");
        return ChartStyle.chart(title(), plot, true);
    }
}
