package io.nodesim.scenario.settings;

import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.VersionProfiles;
import java.util.function.Function;

/**
 * One setting of a component section, declared once: parsing, {@code --set}, {@code explain} and
 * report labels read it from {@link SettingRegistry}.
 *
 * @param path the path below {@code spec}, e.g. {@code kubeControllerManager.node-monitor-grace-period}
 * @param type how it is written and printed
 * @param defaultFor the default of a version profile's row
 * @param fromProfile whether the default is Kubernetes' (shown as the profile) or nodesim's own choice
 * @param value the effective value of a loaded scenario
 * @param label a short name for chart legends and axes
 * @param doc one line on what the setting does
 */
public record SettingSpec<T>(
        String path,
        SettingType<T> type,
        Function<VersionProfiles.Row, T> defaultFor,
        boolean fromProfile,
        Function<Scenario, T> value,
        String label,
        String doc) {

    /** The section, e.g. {@code kubelet}. */
    public String section() {
        return path.substring(0, path.indexOf('.'));
    }

    /** The field or flag name within the section. */
    public String key() {
        return path.substring(path.indexOf('.') + 1);
    }

    /** The effective value in scenario syntax. */
    public String shown(Scenario s) {
        return type.format().apply(value.apply(s));
    }

    /** The doc line with the unit, for {@code explain --docs}. */
    public String docWithUnit() {
        return type.unit().isEmpty() ? doc : doc + " (" + type.unit() + ")";
    }
}
