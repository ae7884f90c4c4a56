package io.nodesim.experiment;

import io.nodesim.metrics.RunResult;
import io.nodesim.scenario.Scenario;

/**
 * Runs one replication of a scenario. Replication {@code r} must draw its random numbers from the
 * scenario's seed and {@code r} alone (as {@link io.nodesim.kernel.RandomStreams} does), so that the
 * same (scenario, r) always gives the same result, on any thread: that is what makes replications
 * independent, sweeps use common random numbers, and outputs equal whatever the thread count.
 * Called concurrently from several threads.
 */
@FunctionalInterface
public interface ReplicationRunner {
    RunResult run(Scenario scenario, int replication);
}
