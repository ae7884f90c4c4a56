/**
 * Experiments over the simulation: independent replications with Student-t confidence intervals,
 * sequential replication until a target precision, and parameter sweeps (full grids and Latin
 * hypercube samples) with common random numbers, run in parallel and resumable.
 *
 * <p>The engine here depends only on {@link io.nodesim.experiment.ScenarioFactory} and
 * {@link io.nodesim.experiment.ReplicationRunner}: the command line wires the scenario loader and the
 * cluster simulation into them, the tests wire fakes with known statistics. Every result is collected
 * by its index (point, replication), never by completion order, so the output does not depend on the
 * number of threads.
 */
package io.nodesim.experiment;
