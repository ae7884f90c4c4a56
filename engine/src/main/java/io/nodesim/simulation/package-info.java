/**
 * Wires one replication of a scenario: builds the cluster from the scenario, creates the
 * kubelets, controllers and faults on one kernel, runs it and turns the state into a
 * {@link io.nodesim.metrics.RunResult}.
 */
package io.nodesim.simulation;
