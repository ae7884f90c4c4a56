/**
 * The in-tree kube-scheduler plugins nodesim models (kubernetes pkg/scheduler/framework/plugins),
 * one class each, registered by their upstream name in {@link io.nodesim.scheduler.plugins.PluginRegistry}.
 * Plugins keep per-cycle state in their own fields: one scheduler runs one cycle at a time.
 */
package io.nodesim.scheduler.plugins;
