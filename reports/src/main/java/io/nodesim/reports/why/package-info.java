/**
 * {@code nodesim why}: the causal chain of one pod, rule by rule, from a run's event log, with the
 * reason for every step that did not happen; the same chain is in report.html.
 */
package io.nodesim.reports.why;
