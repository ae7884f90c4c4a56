/**
 * kube-scheduler's scheduling queue (activeQ, backoffQ, unschedulable pool) and the loop that drives
 * it in simulated time, with cycle and binding latencies (spec/scheduler.md §5).
 */
package io.nodesim.scheduler.queue;
