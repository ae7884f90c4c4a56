/**
 * sweep.csv on disk: the durable, append-only {@link io.nodesim.experiment.SweepJournal} that makes a
 * sweep resumable after Ctrl-C or kill -9. The table's content and the resume checks are the
 * engine's ({@link io.nodesim.experiment.Sweep}); this package only owns the bytes on disk.
 */
package io.nodesim.reports.sweep;
