package io.nodesim.simulation;

import io.nodesim.autoscaler.ExistingNodes;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.Scheduler;
import io.nodesim.scheduler.SchedulerCache;

/**
 * cluster-autoscaler's snapshot of the existing nodes, read from the live scheduler's cache: each
 * pending pod goes to the first node in node-tree order that passes the filter plugins and is
 * assumed there for the pods after it; every assumed pod is taken out again before returning
 * ({@code clustersnapshot} Fork / Revert), so the scheduler's state is what it was.
 */
final class SchedulerSnapshot implements ExistingNodes {
    private final SchedulerPlacement placement;

    SchedulerSnapshot(SchedulerPlacement placement) {
        this.placement = placement;
    }

    @Override
    public boolean[] fit(int[] workloads) {
        Scheduler scheduler = placement.scheduler();
        SchedulerCache nodes = placement.nodes();
        boolean[] fits = new boolean[workloads.length];
        int[] assumedOn = new int[workloads.length];
        for (int i = 0; i < workloads.length; i++) {
            CompiledPod pod = placement.workloadTemplate(workloads[i]);
            int node = scheduler.firstFeasible(pod);
            assumedOn[i] = node;
            if (node >= 0) {
                nodes.pods().addPod(pod, node);
                fits[i] = true;
            }
        }
        for (int i = workloads.length - 1; i >= 0; i--) {
            if (assumedOn[i] >= 0) {
                nodes.pods().removePod(placement.workloadTemplate(workloads[i]), assumedOn[i]);
            }
        }
        return fits;
    }
}
