package io.nodesim.scheduler;

import io.nodesim.scenario.ImportedPlacement;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.WorkloadSpec;
import java.util.List;
import java.util.Map;

/**
 * Everything of a scenario that the t = 0 placement ({@link InitialPlacement}) reads, and nothing
 * else: two scenarios with equal inputs place their pods alike for the same seed and replication
 * (the ties are drawn from the "scheduler.ties" stream), however their other settings differ. That
 * is what lets the points of a sweep share a replication's placement ({@link PlacementMemo}).
 */
public record PlacementInputs(List<NodeGroup> nodes, List<WorkloadSpec> workloads,
        SchedulerConfiguration kubeScheduler, Map<String, Map<String, String>> namespaces,
        KubernetesVersion kubernetesVersion, ImportedPlacement initialPlacement) {

    public static PlacementInputs of(Scenario s) {
        return new PlacementInputs(s.nodes(), s.workloads(), s.kubeScheduler(), s.namespaces(), s.kubernetesVersion(),
                s.initialPlacement());
    }
}
