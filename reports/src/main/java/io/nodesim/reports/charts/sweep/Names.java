package io.nodesim.reports.charts.sweep;

import io.nodesim.scenario.settings.SettingRegistry;
import io.nodesim.scenario.settings.SettingSpec;
import java.util.Locale;

/**
 * Short names for the settings of a sweep (the settings registry's labels; a metric's are its
 * {@link io.nodesim.metrics.Metric#label}s), for legends, axes and point labels where a full path such as {@code kubeApiServer.default-unreachable-toleration-seconds} does not fit. The
 * full names stay in titles, sweep.csv and sweep.html.
 */
public final class Names {
    private Names() {
    }

    /** A setting's short name: the registry's label, else the last segment of its path. */
    public static String setting(String path) {
        return SettingRegistry.find(path).map(SettingSpec::label).orElse(path.substring(path.lastIndexOf('.') + 1));
    }

    /** Lower-case letters, digits and single dashes: a safe piece of a file name. */
    public static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "x" : s;
    }
}
