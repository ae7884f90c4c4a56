package io.nodesim.scenario;

import io.nodesim.scenario.parse.Loc;
import java.util.List;
import java.util.Objects;

/**
 * The scenario file's top-level {@code sweep:} section, checked for its shape with the file's
 * positions: which settings a sweep varies, as written. What the values mean (durations or numbers in
 * a range, paths varied twice) is the experiment package's to judge; it reports its findings at
 * {@link Axis#at()} / {@link Range#at()}. The scenario itself does not use this section.
 *
 * @param vary the grid axes, in file order
 * @param lhs the Latin hypercube ranges, in file order
 * @param samples the hypercube's number of points; 0 when there are no ranges
 */
public record SweepSection(List<Axis> vary, List<Range> lhs, int samples) {
    /** {@code PATH: [V1, V2, ...]} (or {@code PATH: "V1,V2"}); {@code at} is where the values are written. */
    public record Axis(String path, List<String> values, Loc at) {
        public Axis {
            Objects.requireNonNull(path, "path");
            values = List.copyOf(values);
            Objects.requireNonNull(at, "at");
        }
    }

    /** {@code PATH: LOW..HIGH}; {@code at} is where the range is written. */
    public record Range(String path, String low, String high, Loc at) {
        public Range {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            Objects.requireNonNull(at, "at");
        }
    }

    public SweepSection {
        vary = List.copyOf(vary);
        lhs = List.copyOf(lhs);
    }
}
