/**
 * kube-scheduler's filter/score hot path (spec/scheduler.md §1–§4): the cluster as the scheduler's
 * cache sees it ({@link io.nodesim.scheduler.SchedulerCache}, structure of arrays, with the pods on every
 * node in {@link io.nodesim.scheduler.NodePods} and its images in
 * {@link io.nodesim.scheduler.NodeImages}), pod templates
 * compiled once ({@link io.nodesim.scheduler.CompiledPod}), the cycle itself
 * ({@link io.nodesim.scheduler.Scheduler}) and its configuration
 * ({@link io.nodesim.scheduler.SchedulerConfiguration}). Plugins live in {@code plugins}, the
 * scheduling queue and its simulation driver in {@code queue}, the {@code schedule} command's logic
 * in {@code explain}.
 */
package io.nodesim.scheduler;
