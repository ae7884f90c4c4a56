package io.nodesim.simulation;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.EventRecorder;
import io.nodesim.cluster.PodPlacement;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.Topology;
import io.nodesim.cluster.WorkloadInfo;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.tainteviction.TolerationCompiler;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the cluster at t = 0 on the scenario's {@link Topology}: every workload's pods Running and Ready on the nodes the
 * {@link PodPlacement} chooses (never a node that joins later, which starts without a Ready
 * condition and with the not-ready NoSchedule taint of its creation) (a DaemonSet: one pod per eligible node, its desired count); a pod
 * nothing fits stays Pending from t = 0.
 */
public final class ClusterBuilder {
    private ClusterBuilder() {
    }

    public static ClusterState build(Scenario scenario, Topology topology, PodPlacement placement, EventRecorder recorder) {
        List<PodPlacement.Placed> placed = placement.placeAll(scenario);
        int[] daemonPods = new int[scenario.workloads().size()];
        placed.forEach(p -> daemonPods[p.workload()]++);
        List<WorkloadInfo> workloads = new ArrayList<>();
        for (int wi = 0; wi < scenario.workloads().size(); wi++) {
            WorkloadSpec w = scenario.workloads().get(wi);
            int desired = "DaemonSet".equals(w.kind()) ? daemonPods[wi] : "Pod".equals(w.kind()) ? 1 : w.replicas();
            workloads.add(TolerationCompiler.compile(w, desired));
        }
        ClusterState cluster = new ClusterState(topology, new PodTable(placed.size(), topology.size()), workloads,
                recorder);
        for (PodPlacement.Placed p : placed) {
            if (p.node() >= 0) {
                cluster.pods().add(p.name(), p.workload(), p.node());
            } else {
                cluster.pods().addPending(p.name(), p.workload(), 0);
            }
        }
        cluster.trackAvailability();
        return cluster;
    }
}
