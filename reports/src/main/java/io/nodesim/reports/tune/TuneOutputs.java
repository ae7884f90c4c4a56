package io.nodesim.reports.tune;

import io.nodesim.experiment.TuneGoal;
import io.nodesim.experiment.Tuner.Estimate;
import io.nodesim.experiment.Tuner.Outcome;
import io.nodesim.experiment.Tuner.PointResult;
import io.nodesim.metrics.CsvCells;
import io.nodesim.metrics.MetricRegistry;
import io.nodesim.metrics.Rfc4180;
import io.nodesim.reports.charts.ChartRenderer;
import io.nodesim.reports.charts.ChartStyle;
import io.nodesim.reports.charts.sweep.SweepFigure;
import io.nodesim.reports.files.OutputFolder;
import io.nodesim.scenario.Scenario;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * tune.csv (every point tried, its replications, its objective and constraints with 95 % intervals,
 * and why it left the race), recommendation.yaml (the chosen values as patches: a
 * KubeletConfiguration fragment, kube-controller-manager and kube-apiserver flags, per-workload
 * pod-template patches, any other nodesim setting as a --set) and tune-tradeoff.png/svg.
 */
public final class TuneOutputs {
    public static final String CSV = "tune.csv";
    public static final String RECOMMENDATION = "recommendation.yaml";
    static final String CHART = "tune-tradeoff";

    private TuneOutputs() {
    }

    /** Writes every output; recommendation.yaml only when a setting met the constraints. */
    public static List<Path> write(Path dir, Scenario base, List<String> parameters, TuneGoal goal, Outcome outcome)
            throws IOException {
        OutputFolder out = new OutputFolder(dir);
        out.writeText(CSV, w -> w.write(csv(parameters, goal, outcome)));
        if (outcome.best() >= 0) {
            out.writeText(RECOMMENDATION, w -> w.write(recommendation(base, parameters, goal, outcome)));
        }
        ChartRenderer.render(figure(goal, outcome), figure(goal, outcome).chart()).writeTo(out);
        return out.written();
    }

    static String csv(List<String> parameters, TuneGoal goal, Outcome outcome) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(parameters);
        header.add("replications");
        String o = goal.metric() + (goal.p99() ? "_p99" : "_mean");
        header.addAll(List.of(o, o + "_ci95_low", o + "_ci95_high"));
        for (TuneGoal.Constraint c : goal.constraints()) {
            header.addAll(List.of(c.metric() + "_mean", c.metric() + "_ci95_low", c.metric() + "_ci95_high"));
        }
        header.addAll(List.of("feasible", "status"));
        sb.append(Rfc4180.line(header)).append("\r\n");
        for (int p = 0; p < outcome.points().size(); p++) {
            PointResult r = outcome.points().get(p);
            List<String> cells = new ArrayList<>(List.of(Integer.toString(p)));
            cells.addAll(r.point().values());
            cells.add(Integer.toString(r.replications()));
            addEstimate(cells, goal.metric(), r.objective());
            for (int c = 0; c < goal.constraints().size(); c++) {
                addEstimate(cells, goal.constraints().get(c).metric(), r.constraints().get(c));
            }
            cells.add(Boolean.toString(r.feasible()));
            cells.add(r.status());
            sb.append(Rfc4180.line(cells)).append("\r\n");
        }
        return sb.toString();
    }

    private static void addEstimate(List<String> cells, String metric, Estimate e) {
        cells.add(CsvCells.statistic(metric, e.mean()));
        cells.add(CsvCells.statistic(metric, e.low()));
        cells.add(CsvCells.statistic(metric, e.high()));
    }

    /** The chosen values as what a cluster operator applies, grouped by the component that reads them. */
    static String recommendation(Scenario base, List<String> parameters, TuneGoal goal, Outcome outcome) {
        PointResult best = outcome.points().get(outcome.best());
        Map<String, Object> kubelet = new LinkedHashMap<>();
        List<String> controllerManager = new ArrayList<>();
        List<String> apiServer = new ArrayList<>();
        Map<String, Map<String, String>> workloads = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            String path = parameters.get(i);
            String value = best.point().values().get(i);
            int dot = path.indexOf('.');
            String section = dot < 0 ? path : path.substring(0, dot);
            String rest = dot < 0 ? "" : path.substring(dot + 1);
            switch (section) {
                case "kubelet" -> kubelet.put(rest, value);
                case "kubeControllerManager" -> controllerManager.add("--" + rest + "=" + value);
                case "kubeApiServer" -> apiServer.add("--" + rest + "=" + value);
                default -> {
                    if (path.startsWith("workloads[")) {
                        int close = path.indexOf(']');
                        int index = Integer.parseInt(path.substring("workloads[".length(), close));
                        String name = index < base.workloads().size() ? base.workloads().get(index).displayName()
                                : "workloads[" + index + "]";
                        workloads.computeIfAbsent(name, k -> new LinkedHashMap<>())
                                .put(path.substring(close + 2), value);
                    } else {
                        other.add(path + "=" + value);
                    }
                }
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenario", base.name());
        doc.put("objective", goal.objective() + " = " + CsvCells.statistic(goal.metric(), best.objective().mean())
                + " [" + CsvCells.statistic(goal.metric(), best.objective().low()) + ", "
                + CsvCells.statistic(goal.metric(), best.objective().high()) + "] over " + best.replications()
                + " replications");
        doc.put("constraints", goal.constraints().stream().map(TuneGoal.Constraint::toString).toList());
        doc.put("confidence", outcome.confident() ? "better than every other setting with 95 % confidence"
                : "best found; not separated from every other with 95 % confidence before the budget ran out");
        if (!kubelet.isEmpty()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("apiVersion", "kubelet.config.k8s.io/v1beta1");
            k.put("kind", "KubeletConfiguration");
            k.putAll(kubelet);
            doc.put("kubeletConfiguration", k);
        }
        if (!controllerManager.isEmpty()) {
            doc.put("kubeControllerManagerFlags", controllerManager);
        }
        if (!apiServer.isEmpty()) {
            doc.put("kubeApiServerFlags", apiServer);
        }
        if (!workloads.isEmpty()) {
            doc.put("workloadPatches", workloads);
        }
        if (!other.isEmpty()) {
            doc.put("nodesimSettings", other);
        }
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        return "# nodesim tune: the chosen setting, as patches to apply (kubelet: merge into the KubeletConfiguration\n"
                + "# file; flags: the components' command lines or static-pod manifests; workloads: the pod templates).\n"
                + new Dump(settings).dumpToString(doc);
    }

    /** Objective against the first constraint's metric (false_evictions without one), the choice marked. */
    static SweepFigure figure(TuneGoal goal, Outcome outcome) {
        String xMetric = goal.constraints().isEmpty() ? MetricRegistry.FALSE_EVICTIONS.name()
                : goal.constraints().get(0).metric();
        int xIndex = goal.constraints().isEmpty() ? -1 : 0;
        XYIntervalSeries others = new XYIntervalSeries("other settings tried", false, true);
        XYIntervalSeries chosen = new XYIntervalSeries("recommended", false, true);
        for (int p = 0; p < outcome.points().size(); p++) {
            PointResult r = outcome.points().get(p);
            Estimate x = xIndex < 0 ? new Estimate(0, Double.NaN, Double.NaN, 0) : r.constraints().get(xIndex);
            Estimate y = r.objective();
            if (!Double.isFinite(x.mean()) || !Double.isFinite(y.mean())) {
                continue;
            }
            (p == outcome.best() ? chosen : others).add(x.mean(), orMean(x.low(), x.mean()), orMean(x.high(), x.mean()),
                    y.mean(), orMean(y.low(), y.mean()), orMean(y.high(), y.mean()));
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(others);
        data.addSeries(chosen);
        NumberAxis x = ChartStyle.axis("mean " + MetricRegistry.axisLabel(xMetric));
        x.setRangeType(org.jfree.data.RangeType.POSITIVE); // every metric is >= 0; an interval may reach below
        NumberAxis y = ChartStyle.axis(goal.objective() + " (" + MetricRegistry.byName(goal.metric())
                .map(m -> m.unit().symbol()).orElse("") + ")");
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesPaint(0, new java.awt.Color(0xAAAAAA));
        renderer.setSeriesPaint(1, ChartStyle.color(3));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        renderer.setSeriesShape(1, new Rectangle2D.Double(-7, -7, 14, 14));
        renderer.setErrorPaint(null);
        renderer.setErrorStroke(new BasicStroke(1f));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ChartStyle.xyPlot(plot);
        for (TuneGoal.Constraint c : goal.constraints().subList(0, Math.min(1, goal.constraints().size()))) {
            plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(c.max()));
        }
        JFreeChart chart = ChartStyle.chart("Tuning: " + goal.objective() + " against " + xMetric, plot, true);
        chart.addSubtitle(new TextTitle("Every setting tried (bars: 95 % confidence intervals); the square is the "
                + "recommendation" + (goal.constraints().isEmpty() ? "" : ", the line the constraint "
                        + goal.constraints().get(0)), ChartStyle.TICK_FONT));
        return new SweepFigure(CHART, "Tuning trade-off", "Which setting minimises " + goal.objective()
                + " within the constraints, and what do the others cost?", chart, 1000, 650);
    }

    private static double orMean(double bound, double mean) {
        return Double.isFinite(bound) ? bound : mean;
    }
}
