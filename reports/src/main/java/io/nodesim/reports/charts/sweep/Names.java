package io.nodesim.reports.charts.sweep;

import java.util.Locale;
import java.util.Map;

/**
 * Short names for the settings of a sweep (a metric's are its {@link io.nodesim.metrics.Metric#label}s), for legends, axes and point labels where a
 * full path such as {@code kubeApiServer.default-unreachable-toleration-seconds} does not fit. The
 * full names stay in titles, sweep.csv and sweep.html.
 */
public final class Names {
    private static final Map<String, String> SETTINGS = Map.of(
            "node-monitor-grace-period", "grace",
            "node-monitor-period", "monitor period",
            "default-unreachable-toleration-seconds", "unreachable toleration",
            "default-not-ready-toleration-seconds", "not-ready toleration",
            "node-eviction-rate", "eviction rate",
            "secondary-node-eviction-rate", "secondary rate",
            "unhealthy-zone-threshold", "unhealthy-zone threshold",
            "large-cluster-size-threshold", "large-cluster threshold",
            "nodeLeaseDurationSeconds", "lease duration",
            "nodeStatusUpdateFrequency", "status update frequency");

    private Names() {
    }

    /** A setting's short name: a known flag's nickname, else the last segment of its path. */
    public static String setting(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return SETTINGS.getOrDefault(last, last);
    }

    /** Lower-case letters, digits and single dashes: a safe piece of a file name. */
    public static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "x" : s;
    }
}
