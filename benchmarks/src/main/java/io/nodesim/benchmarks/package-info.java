/**
 * JMH benchmarks of nodesim, each measured beside the baselines it has to beat; see
 * {@code benchmarks/README.md} for how to run them and the numbers measured.
 */
package io.nodesim.benchmarks;
