/**
 * Streaming readers of {@code kubectl get ... -o json|yaml} output: one object at a time, never the
 * whole file as a tree.
 */
package io.nodesim.importer.read;
