/**
 * The charts of a sweep, drawn from sweep.csv read back ({@link io.nodesim.reports.charts.sweep.SweepResults}):
 * each metric against each varied setting with its confidence intervals, the trade-off between
 * recovery time and false evictions with its Pareto front, and heatmaps of two-setting grids. Each
 * chart's data is built by a {@code *Data} class apart from the drawing.
 */
package io.nodesim.reports.charts.sweep;
