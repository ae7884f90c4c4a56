package io.nodesim.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything about one fault type in one record: its name in scenario files, its one-line
 * description, whether it happens at one instant (no {@code duration}), which target it takes, its
 * own fields, and its behaviour (a new {@link Fault} per run). Each fault class declares its
 * {@code TYPE}; {@link FaultTypes} lists them.
 */
public record FaultType(String name, String description, boolean instant, Targeting targeting, List<FaultField> fields,
        Supplier<Fault> behaviour) {
    /** The target fields a fault takes. */
    public enum Targeting {
        /** None: the fault acts on the control plane. */
        NONE,
        /** {@code zone} only, required. */
        ZONE,
        /** {@code nodes}, {@code zone}, {@code count}, {@code percent}, {@code selector}: at least one. */
        NODES,
        /** As {@link #NODES}, but none given means every node. */
        NODES_OR_ALL;

        public boolean targetsNodes() {
            return this != NONE;
        }
    }

    public static final List<String> TARGET_FIELDS = List.of("nodes", "zone", "count", "percent", "selector");

    public FaultType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targeting, "targeting");
        Objects.requireNonNull(behaviour, "behaviour");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("fault type " + name + " needs a description");
        }
        fields = List.copyOf(fields);
    }

    /** The fields a scenario entry of this type may have, in the order error messages list them. */
    public List<String> allowedFields() {
        List<String> f = new ArrayList<>(List.of("type", "at"));
        if (!instant) {
            f.add("duration");
        }
        switch (targeting) {
            case ZONE -> f.add("zone");
            case NODES, NODES_OR_ALL -> f.addAll(TARGET_FIELDS);
            default -> {
            }
        }
        fields.stream().map(FaultField::name).sorted().forEach(f::add);
        return f;
    }
}
