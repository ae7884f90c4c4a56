/**
 * The {@code nodesim schedule} command's engine side: build the scenario's cluster, bind the pods
 * that name a node, schedule the rest at t = 0 in order of appearance, and keep every cycle's
 * explanation (what kube-scheduler-simulator annotates pods with).
 */
package io.nodesim.scheduler.explain;
