/**
 * Charts with JFreeChart: the {@link io.nodesim.reports.charts.RunChart} contract, the
 * {@link io.nodesim.reports.charts.ChartRegistry} that lists every chart, the common style, and
 * rendering to PNG and SVG. Data series ({@link io.nodesim.reports.charts.Series}) are built apart
 * from the drawing so they can be checked exactly.
 */
package io.nodesim.reports.charts;
