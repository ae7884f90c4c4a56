package io.nodesim.reports.html;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.scenario.ApiServerConfig;
import io.nodesim.scenario.ControllerManagerConfig;
import io.nodesim.scenario.KubeletConfig;
import io.nodesim.scenario.Latencies;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.SettingOrigin;
import io.nodesim.scenario.StartupConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effective settings of a scenario with their values in scenario syntax and where each came
 * from ({@link Scenario#origins()}), keyed by the same paths as {@code --set}.
 */
public final class EffectiveSettings {
    /** One setting; {@code value} is empty when the scenario records only its origin. */
    public record Setting(String path, String value, String origin) {
    }

    private EffectiveSettings() {
    }

    /** The timing settings first, in file order, then any other path the origins name, sorted. */
    public static List<Setting> of(Scenario s) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kubernetesVersion", s.kubernetesVersion().toString());
        values.put("seed", Long.toString(s.seed()));
        values.put("replications", Integer.toString(s.replications()));
        values.put("duration", DurationText.of(s.duration()));
        kubelet(values, s.kubelet());
        controllerManager(values, s.kubeControllerManager());
        apiServer(values, s.kubeApiServer());
        latencies(values, s.latencies());
        startup(values, s.startup());
        List<Setting> out = new ArrayList<>();
        values.forEach((path, value) -> out.add(new Setting(path, value, origin(s, path))));
        new TreeMap<>(s.origins()).forEach((path, origin) -> {
            if (!values.containsKey(path)) {
                out.add(new Setting(path, "", origin.toString()));
            }
        });
        return out;
    }

    private static String origin(Scenario s, String path) {
        SettingOrigin o = s.origins().get(path);
        return o == null ? "" : o.toString();
    }

    private static void kubelet(Map<String, String> v, KubeletConfig k) {
        if (k == null) {
            return;
        }
        v.put("kubelet.nodeStatusUpdateFrequency", DurationText.of(k.nodeStatusUpdateFrequency()));
        v.put("kubelet.nodeStatusReportFrequency", DurationText.of(k.nodeStatusReportFrequency()));
        v.put("kubelet.nodeLeaseDurationSeconds", Integer.toString(k.nodeLeaseDurationSeconds()));
    }

    private static void controllerManager(Map<String, String> v, ControllerManagerConfig c) {
        if (c == null) {
            return;
        }
        String p = "kubeControllerManager.";
        v.put(p + "node-monitor-period", DurationText.of(c.nodeMonitorPeriod()));
        v.put(p + "node-monitor-grace-period", DurationText.of(c.nodeMonitorGracePeriod()));
        v.put(p + "node-startup-grace-period", DurationText.of(c.nodeStartupGracePeriod()));
        v.put(p + "node-eviction-rate", number(c.nodeEvictionRate()));
        v.put(p + "secondary-node-eviction-rate", number(c.secondaryNodeEvictionRate()));
        v.put(p + "large-cluster-size-threshold", Integer.toString(c.largeClusterSizeThreshold()));
        v.put(p + "unhealthy-zone-threshold", number(c.unhealthyZoneThreshold()));
        v.put(p + "enable-taint-manager", Boolean.toString(c.enableTaintManager()));
        v.put(p + "pod-eviction-timeout", DurationText.of(c.podEvictionTimeout()));
    }

    private static void apiServer(Map<String, String> v, ApiServerConfig a) {
        if (a == null) {
            return;
        }
        v.put("kubeApiServer.default-not-ready-toleration-seconds", Long.toString(a.defaultNotReadyTolerationSeconds()));
        v.put("kubeApiServer.default-unreachable-toleration-seconds",
                Long.toString(a.defaultUnreachableTolerationSeconds()));
    }

    private static void latencies(Map<String, String> v, Latencies l) {
        if (l == null) {
            return;
        }
        distribution(v, "latencies.watch", l.watch());
        distribution(v, "latencies.monitorPass", l.monitorPass());
        distribution(v, "latencies.leaseRenewal", l.leaseRenewal());
        distribution(v, "latencies.statusUpdate", l.statusUpdate());
        distribution(v, "latencies.controller", l.controller());
        distribution(v, "latencies.schedulingCycle", l.schedulingCycle());
        distribution(v, "latencies.binding", l.binding());
    }

    private static void startup(Map<String, String> v, StartupConfig st) {
        if (st == null) {
            return;
        }
        model(v, "startup.default", st.defaults());
        new TreeMap<>(st.byWorkload()).forEach((workload, m) -> model(v, "startup." + workload, m));
    }

    private static void model(Map<String, String> v, String prefix, StartupConfig.Model m) {
        distribution(v, prefix + ".imagePull", m.imagePull());
        distribution(v, prefix + ".containerStart", m.containerStart());
    }

    private static void distribution(Map<String, String> v, String path, DurationDistribution d) {
        v.put(path, d.spec());
    }

    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
