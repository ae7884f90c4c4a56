package io.nodesim.importer.model;

/**
 * An object the import leaves out, and why (listed in {@code import-report.md}).
 *
 * @param reason why, naming no object (so an anonymised report can print it)
 * @param detail the names involved (owners, nodes), or empty
 */
public record Skipped(String kind, String namespace, String name, String reason, String detail) {
}
