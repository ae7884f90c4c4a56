package io.nodesim.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * One point of a sweep: a value for each varied setting, in column order.
 *
 * @param index the point's row (0-based) in sweep.csv
 */
public record SweepPoint(int index, List<String> values) {
    public SweepPoint {
        values = List.copyOf(values);
    }

    /** The {@code PATH=VALUE} overrides that make this point's scenario. */
    public List<String> overrides(List<String> parameters) {
        List<String> o = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            o.add(parameters.get(i) + "=" + values.get(i));
        }
        return o;
    }
}
