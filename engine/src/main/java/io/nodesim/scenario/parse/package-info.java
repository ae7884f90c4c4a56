/**
 * Reading scenario files: a YAML tree that keeps the line and column of every value, the value
 * syntaxes (Go durations, Kubernetes quantities, distributions), {@code --set} overrides, Kubernetes
 * manifests through fabric8, and one reader per section of {@code spec}. Every bad input becomes a
 * {@link io.nodesim.scenario.ScenarioException} naming file, line, column and field path.
 */
package io.nodesim.scenario.parse;
