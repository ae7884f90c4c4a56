/** The {@code schedule} command's outputs: placements.csv, scores.csv and the per-node score table. */
package io.nodesim.reports.schedule;
