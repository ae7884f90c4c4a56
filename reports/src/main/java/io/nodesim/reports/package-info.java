/**
 * Turning run results into files a person reads: {@link io.nodesim.reports.RunOutputs} is the one
 * entry point for {@code nodesim run}; the sub-packages hold the CSV writers, the charts, the HTML
 * report and the console output.
 */
package io.nodesim.reports;
