/**
 * kube-scheduler's PostFilter: DefaultPreemption (kubernetes pkg/scheduler/framework/preemption,
 * plugins/defaultpreemption) over the scheduler cache's pods ({@link io.nodesim.scheduler.preemption.AssignedPods}),
 * with PodDisruptionBudgets behind the narrow {@link io.nodesim.scheduler.preemption.DisruptionBudgets}.
 */
package io.nodesim.scheduler.preemption;
