package io.nodesim.importer.settings;

/**
 * One flag as a component received it.
 *
 * @param value the text after {@code =} or the next argument; {@code "true"} for a boolean given alone
 * @param from the argument that names the flag
 */
public record Flag(Component component, String name, String value, Provenance from) {
}
