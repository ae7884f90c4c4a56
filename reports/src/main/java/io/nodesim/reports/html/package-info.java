/**
 * report.html: a self-contained page with the scenario, summary, charts, the causal chain of the
 * slowest pod and the effective settings with their origins.
 */
package io.nodesim.reports.html;
