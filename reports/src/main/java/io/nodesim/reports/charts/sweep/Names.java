package io.nodesim.reports.charts.sweep;

import io.nodesim.scenario.settings.SettingRegistry;
import io.nodesim.scenario.settings.SettingSpec;
import java.util.Locale;
import java.util.Map;

/**
 * Short names for the settings (from the settings registry) and metrics of a sweep, for legends, axes and point labels where a
 * full path such as {@code kubeApiServer.default-unreachable-toleration-seconds} does not fit. The
 * full names stay in titles, sweep.csv and sweep.html.
 */
public final class Names {
    private static final Map<String, String> METRICS = Map.of(
            "time_to_unknown", "to Unknown (s)",
            "time_to_noexecute_taint", "to NoExecute taint (s)",
            "time_to_pod_not_ready", "to pod not ready (s)",
            "time_to_pod_deletion", "to pod deletion (s)",
            "time_to_dead_pod_deletion", "to dead pod's deletion (s)",
            "time_to_replacement_ready", "to replacement Ready (s)",
            "workload_unavailable_seconds", "workload unavailable (s)",
            "false_evictions", "false evictions (pods/run)");

    private Names() {
    }

    /** A setting's short name: the registry's label, else the last segment of its path. */
    public static String setting(String path) {
        return SettingRegistry.find(path).map(SettingSpec::label).orElse(path.substring(path.lastIndexOf('.') + 1));
    }

    /** An axis label for a metric, with its unit. */
    public static String metric(String metric) {
        return METRICS.getOrDefault(metric, metric);
    }

    /** Lower-case letters, digits and single dashes: a safe piece of a file name. */
    public static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "x" : s;
    }
}
