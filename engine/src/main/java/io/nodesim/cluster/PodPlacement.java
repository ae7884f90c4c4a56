package io.nodesim.cluster;

import io.nodesim.scenario.Scenario;
import java.util.List;

/**
 * Chooses the node of each pod that exists at t = 0 (the scheduler model in
 * {@code io.nodesim.simulation.SchedulerPlacement}); the cluster builder creates the pods it lists.
 */
public interface PodPlacement {
    /**
     * One pod of t = 0.
     *
     * @param workload the index of its workload in the scenario
     * @param node the node index, or -1 when nothing fits (the pod stays Pending)
     */
    record Placed(int workload, String name, int node) {
    }

    /** Every pod of the scenario's workloads at t = 0, workload by workload, replicas in order. */
    List<Placed> placeAll(Scenario scenario);
}
