/**
 * The CSV files of a run (nodes, pods, workloads, summary, events): the public column contracts of
 * DESIGN §3, written with opencsv, byte-for-byte deterministic.
 */
package io.nodesim.reports.csv;
