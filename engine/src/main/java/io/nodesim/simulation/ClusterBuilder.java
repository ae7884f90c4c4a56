package io.nodesim.simulation;

import io.nodesim.cluster.WellKnownLabels;
import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.EventRecorder;
import io.nodesim.cluster.Condition;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.PodPlacement;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.WorkloadInfo;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.tainteviction.TolerationCompiler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the cluster at t = 0: node pools expanded (with their hostname and zone labels), zones
 * in order of first appearance, every workload's pods Running and Ready on the nodes the
 * {@link PodPlacement} chooses (never a node that joins later, which starts without a Ready
 * condition and with the not-ready NoSchedule taint of its creation) (a DaemonSet: one pod per eligible node, its desired count); a pod
 * nothing fits stays Pending from t = 0.
 */
public final class ClusterBuilder {

    private ClusterBuilder() {
    }

    public static ClusterState build(Scenario scenario, PodPlacement placement, EventRecorder recorder) {
        int n = scenario.nodeCount();
        String[] names = new String[n];
        int[] zone = new int[n];
        boolean[] excluded = new boolean[n];
        List<Map<String, String>> labels = new ArrayList<>(n);
        List<String> zones = new ArrayList<>();
        Map<String, Integer> zoneIndex = new HashMap<>();
        int i = 0;
        for (NodeGroup g : scenario.nodes()) {
            Map<String, String> base = g.template().getMetadata() == null || g.template().getMetadata().getLabels() == null
                    ? Map.of() : g.template().getMetadata().getLabels();
            for (int k = 0; k < g.count(); k++, i++) {
                names[i] = g.nodeName(k);
                String z = g.zone(k);
                zone[i] = zoneIndex.computeIfAbsent(z, key -> {
                    zones.add(key);
                    return zones.size() - 1;
                });
                Map<String, String> l = new HashMap<>(base);
                l.put(WellKnownLabels.HOSTNAME, names[i]);
                if (!z.isEmpty()) {
                    l.put(WellKnownLabels.ZONE, z);
                }
                excluded[i] = l.containsKey(WellKnownLabels.EXCLUDE_DISRUPTION);
                labels.add(l);
            }
        }
        NodeObjects nodes = new NodeObjects(names, zone, excluded, labels);
        i = 0;
        for (NodeGroup g : scenario.nodes()) {
            for (int k = 0; k < g.count(); k++, i++) {
                if (g.joins()) {
                    nodes.createdAt[i] = g.joinAt();
                    nodes.ready[i] = Condition.NONE;
                    nodes.taints[i] = ControllerTaints.noScheduleFor(Condition.NONE);
                }
            }
        }
        List<PodPlacement.Placed> placed = placement.placeAll(scenario);
        int[] daemonPods = new int[scenario.workloads().size()];
        placed.forEach(p -> daemonPods[p.workload()]++);
        List<WorkloadInfo> workloads = new ArrayList<>();
        for (int wi = 0; wi < scenario.workloads().size(); wi++) {
            WorkloadSpec w = scenario.workloads().get(wi);
            int desired = "DaemonSet".equals(w.kind()) ? daemonPods[wi] : "Pod".equals(w.kind()) ? 1 : w.replicas();
            workloads.add(TolerationCompiler.compile(w, desired));
        }
        ClusterState cluster = new ClusterState(nodes, new PodTable(placed.size()), zones, workloads, recorder);
        for (PodPlacement.Placed p : placed) {
            if (p.node() >= 0) {
                cluster.pods().add(p.name(), p.workload(), p.node(), nodes);
            } else {
                cluster.pods().addPending(p.name(), p.workload(), 0);
            }
        }
        cluster.trackAvailability();
        return cluster;
    }
}
