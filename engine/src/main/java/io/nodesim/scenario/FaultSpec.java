package io.nodesim.scenario;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.parse.Durations;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code spec.faults}, validated but not yet bound to nodes (targets that draw nodes
 * at random draw them per replication).
 *
 * @param type the fault type's name ({@code NodeCrash}); {@code io.nodesim.faults.FaultTypes} knows it
 * @param at when the fault starts (microseconds)
 * @param duration how long it lasts, or {@link SimTime#NEVER} for a permanent fault
 * @param fields the type's own fields by name (a DurationDistribution or a String each), in file order
 * @param line the line of the entry in the scenario file, for run-time messages (0 when unknown)
 */
public record FaultSpec(String type, long at, long duration, FaultTarget target, Map<String, Object> fields, int line) {
    public FaultSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        if (at < 0) {
            throw new IllegalArgumentException("fault time must be >= 0");
        }
        if (duration <= 0) {
            throw new IllegalArgumentException("fault duration must be > 0");
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A fault without fields of its own. */
    public FaultSpec(String type, long at, long duration, FaultTarget target) {
        this(type, at, duration, target, Map.of(), 0);
    }

    public boolean permanent() {
        return duration == SimTime.NEVER;
    }

    /** The distribution field of that name, or null when absent. */
    public DurationDistribution distribution(String field) {
        return (DurationDistribution) fields.get(field);
    }

    /** The duration field of that name, or {@link SimTime#NEVER} when absent. */
    public long time(String field) {
        return fields.get(field) instanceof Long t ? t : SimTime.NEVER;
    }

    /** The text field of that name, or null when absent. */
    public String text(String field) {
        return (String) fields.get(field);
    }

    /** The fault in one line: {@code NodeCrash at 10m for 5m, nodes w-1, delay constant(30s)}. */
    public String describe() {
        StringBuilder b = new StringBuilder(type).append(" at ").append(Durations.format(at))
                .append(permanent() ? ", permanent" : " for " + Durations.format(duration)).append(target.describe());
        fields.forEach((k, v) -> b.append(", ").append(k).append(' ')
                .append(v instanceof DurationDistribution d ? d.spec() : v instanceof Long t ? Durations.format(t) : v));
        return b.toString();
    }
}
