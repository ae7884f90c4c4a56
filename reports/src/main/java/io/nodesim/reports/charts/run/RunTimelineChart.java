package io.nodesim.reports.charts.run;

import io.nodesim.reports.charts.ChartInput;
import io.nodesim.reports.charts.ChartStyle;
import io.nodesim.reports.charts.RunChart;
import io.nodesim.reports.charts.Series;
import io.nodesim.reports.charts.run.RunTimelineData.FaultWindow;
import io.nodesim.reports.charts.run.RunTimelineData.Timeline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/** The run on one time axis: nodes, pods, and the taint and eviction moments, with the fault windows shaded. */
public final class RunTimelineChart implements RunChart<Optional<Timeline>> {
    private static final Color FAULT = new Color(213, 94, 0, 40);

    @Override
    public String fileName() {
        return "timeline";
    }

    @Override
    public String title() {
        return "Timeline of the run";
    }

    @Override
    public String question() {
        return "While the fault lasts, how many nodes and pods are ready, how many pods wait for a node, and when "
                + "do the taints and evictions happen?";
    }

    @Override
    public int height() {
        return 820;
    }

    @Override
    public Optional<Timeline> data(ChartInput input) {
        return RunTimelineData.of(input);
    }

    @Override
    public JFreeChart draw(Optional<Timeline> timeline) {
        NumberAxis time = ChartStyle.axis("time since scenario start (s)");
        if (timeline.isEmpty()) {
            XYPlot empty = new XYPlot(new XYSeriesCollection(), time, ChartStyle.countAxis("count"), null);
            ChartStyle.xyPlot(empty);
            empty.setNoDataMessage("No replication ran: nothing to show.");
            return ChartStyle.chart(title(), empty, false);
        }
        Timeline t = timeline.get();
        time.setRange(0, t.endSeconds());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(14);
        plot.add(panel("nodes", t.nodes(), 0, t.faults(), true), 3);
        plot.add(panel("pods", t.pods(), t.nodes().size(), t.faults(), false), 4);
        plot.add(panel("events so far", t.moments(), t.nodes().size() + t.pods().size(), t.faults(), false), 3);
        return ChartStyle.chart(title() + " (replication " + t.replication() + ")", plot, true);
    }

    private static final BasicStroke ENDPOINTS_STROKE = new BasicStroke(2f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);

    private static XYPlot panel(String label, List<Series> series, int firstColor, List<FaultWindow> faults,
            boolean labelFaults) {
        XYPlot plot = ChartStyle.stepPlot(ChartStyle.axis(""), ChartStyle.countAxis(label), series, firstColor);
        // dashed, so a Service's endpoints stay visible where they coincide with its ready pods
        XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            if (data.getSeriesKey(i).toString().startsWith(RunTimelineData.ENDPOINTS_LINE)) {
                plot.getRenderer().setSeriesStroke(i, ENDPOINTS_STROKE);
            }
        }
        plot.setNoDataMessage("no " + label);
        for (FaultWindow f : faults) {
            IntervalMarker m = new IntervalMarker(f.from(), f.to(), FAULT);
            if (labelFaults && faults.size() <= 4) {
                m.setLabel(f.label());
                m.setLabelFont(ChartStyle.TICK_FONT);
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                m.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
                m.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            }
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        return plot;
    }
}
