/**
 * What a run produces: per-node, per-pod and per-workload records, the event log, and the samples
 * of each recovery metric, in the shape of the public CSV contracts (DESIGN §3). Times are
 * microseconds since the scenario start; {@link io.nodesim.kernel.SimTime#NEVER} means "never happened".
 */
package io.nodesim.metrics;
