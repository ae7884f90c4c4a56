package io.nodesim.faults;

import java.util.List;
import java.util.Objects;

/**
 * A field a fault type takes besides {@code type}, {@code at}, {@code duration} and its target:
 * what the scenario loader checks (with the field's position) and what the fault reads from its
 * {@link io.nodesim.scenario.FaultSpec}.
 *
 * @param hint what to write, for error messages ("a distribution, e.g. uniform(30s, 60s)")
 * @param defaultValue a choice's value when the field is absent (null for a distribution)
 * @param choices the allowed values of a {@link Kind#CHOICE}
 */
public record FaultField(String name, Kind kind, boolean required, String hint, String defaultValue, List<String> choices) {
    /** How the field's value is written. */
    public enum Kind {
        /** A duration distribution ({@code uniform(30s, 60s)}); the value is a DurationDistribution. */
        DISTRIBUTION,
        /** One of {@link #choices}; the value is the chosen string. */
        CHOICE,
        /** A duration ({@code 10m}); the value is a Long of microseconds. */
        DURATION
    }

    public FaultField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static FaultField distribution(String name, boolean required, String example) {
        return new FaultField(name, Kind.DISTRIBUTION, required, "a distribution, e.g. " + example, null, List.of());
    }

    public static FaultField duration(String name, String example) {
        return new FaultField(name, Kind.DURATION, false, "a duration, e.g. " + example, null, List.of());
    }

    public static FaultField choice(String name, String defaultValue, List<String> choices) {
        return new FaultField(name, Kind.CHOICE, false, "one of " + String.join(", ", choices), defaultValue, choices);
    }
}
