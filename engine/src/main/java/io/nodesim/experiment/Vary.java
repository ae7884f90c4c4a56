package io.nodesim.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One axis of a full-grid sweep: {@code --vary PATH=V1,V2,...}. Values are passed to the scenario
 * as they are written ({@code PATH=V1} as a {@code --set} would be) and appear so in sweep.csv.
 *
 * @param path a setting's path below {@code spec}, e.g. {@code kubeControllerManager.node-monitor-grace-period}
 * @param values the values, in the order the points take them; may repeat
 */
public record Vary(String path, List<String> values) {
    public Vary {
        path = SweepSpec.checkPath(path);
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("--vary " + path + ": no values");
        }
        for (String v : values) {
            if (v.isBlank() || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("--vary " + path + ": an empty or multi-line value in " + values);
            }
        }
    }

    /** Parses {@code PATH=V1,V2,...}; values are trimmed, and cannot themselves contain a comma. */
    public static Vary parse(String option) {
        Objects.requireNonNull(option, "option");
        int eq = option.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("--vary takes PATH=V1,V2,..., got \"" + option + "\"");
        }
        return new Vary(option.substring(0, eq).trim(),
                Arrays.stream(option.substring(eq + 1).split(",", -1)).map(String::trim).toList());
    }
}
