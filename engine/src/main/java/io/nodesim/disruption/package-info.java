/**
 * Voluntary disruptions: {@code policy/v1 PodDisruptionBudget}s with their status as the disruption
 * controller computes it ({@link io.nodesim.disruption.DisruptionBudgets}), the Eviction API that
 * honours them ({@link io.nodesim.disruption.EvictionApi}), and the {@code kubectl drain} client
 * that calls it ({@link io.nodesim.disruption.NodeDrainer}). Involuntary deletions (taint-based
 * eviction, pod GC) never look at a budget.
 */
package io.nodesim.disruption;
