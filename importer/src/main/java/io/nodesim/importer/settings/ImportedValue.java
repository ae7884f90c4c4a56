package io.nodesim.importer.settings;

/**
 * One imported setting in the scenario's own syntax, with where it was read.
 *
 * @param scalar what the scenario writer puts in the YAML: a {@link String} (Go durations such as
 *     {@code 40s}, {@code 5m0s}), a {@link Long}, a {@link Double} or a {@link Boolean}
 * @param raw the text as the cluster held it ({@code 40s}, {@code "0.1"}, {@code T}), for the report
 */
public record ImportedValue(Object scalar, String raw, Provenance from) {
    public ImportedValue {
        if (!(scalar instanceof String || scalar instanceof Long || scalar instanceof Double
                || scalar instanceof Boolean)) {
            throw new IllegalArgumentException("not a scenario scalar: " + scalar);
        }
    }

    /** The value as the scenario file spells it. */
    public String text() {
        return scalar.toString();
    }
}
