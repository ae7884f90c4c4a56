/**
 * The charts of one {@code run}: each a {@link io.nodesim.reports.charts.RunChart} (drawing) with a
 * {@code *Data} class beside it (the series, derived from the records and tested exactly).
 */
package io.nodesim.reports.charts.run;
