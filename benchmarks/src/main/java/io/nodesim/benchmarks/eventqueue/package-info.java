/**
 * One {@link io.nodesim.benchmarks.eventqueue.HoldQueue} adapter per pending-event set under test: the
 * engine's heap, a plain {@link java.util.PriorityQueue}, and the event lists of SSJ, DSOL and
 * CloudSim Plus, each used the way its own simulator uses it.
 */
package io.nodesim.benchmarks.eventqueue;
