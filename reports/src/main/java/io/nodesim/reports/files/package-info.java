/**
 * Writing output files safely: a temporary name in the output folder, then an atomic move, and the
 * folder created only when the first file is written.
 */
package io.nodesim.reports.files;
