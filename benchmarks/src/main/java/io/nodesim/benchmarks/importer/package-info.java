/** {@code nodesim import} of a large generated kubectl dump (DESIGN §6). */
package io.nodesim.benchmarks.importer;
