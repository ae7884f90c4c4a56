/**
 * {@code nodesim import --anonymize --salt-file FILE}: {@link io.nodesim.importer.anonymize.Names} is how the
 * scenario writer spells every name; {@link io.nodesim.importer.anonymize.HmacNames} replaces them by keyed
 * HMAC-SHA256 tokens that keep what matched matching, and writes {@code map.csv} owner-only.
 */
package io.nodesim.importer.anonymize;
