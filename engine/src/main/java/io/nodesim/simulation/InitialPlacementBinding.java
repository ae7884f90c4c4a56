package io.nodesim.simulation;

import io.nodesim.cluster.PodPlacement.Placed;
import io.nodesim.scenario.InitialPlacement;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.initialPlacement}: binds the pods of t = 0 that the rows name to the nodes where the
 * imported cluster runs them, under the cluster's pod names, before anything is scheduled. A row
 * takes its workload's next pod (a DaemonSet's: the one for the row's node); the pods of a workload
 * left without a row are scheduled as usual. Taints and cordons do not evict a running pod, so they
 * are not checked; resources are: a row whose pod no longer fits its node's allocatable cpu, memory
 * or pod count is bad input naming the row.
 */
final class InitialPlacementBinding {
    private InitialPlacementBinding() {
    }

    /**
     * Renames the bound pods in {@code pods} (in place), accounts them on their nodes, and returns
     * each pod's node index (-1: not bound here).
     */
    static int[] bind(Scenario scenario, List<Placed> pods, CompiledPod[] templates, SchedulerCache nodes) {
        int[] node = new int[pods.size()];
        java.util.Arrays.fill(node, -1);
        InitialPlacement placement = scenario.initialPlacement();
        if (placement == null) {
            return node;
        }
        Map<String, Integer> workloadIndex = new HashMap<>();
        List<WorkloadSpec> workloads = scenario.workloads();
        for (int w = 0; w < workloads.size(); w++) {
            workloadIndex.put(workloads.get(w).displayName(), w);
        }
        int[] next = new int[workloads.size()];
        for (InitialPlacement.Row row : placement.rows()) {
            int w = workloadIndex.get(row.workload());
            int n = nodes.indexOf(row.node());
            boolean daemonSet = "DaemonSet".equals(workloads.get(w).kind());
            int pod = -1;
            String daemonPod = row.workload() + "-" + row.node(); // SchedulerPlacement's name of the node's pod
            for (int i = daemonSet ? 0 : next[w]; i < pods.size() && pod < 0; i++) {
                if (pods.get(i).workload() == w && node[i] < 0
                        && (!daemonSet || daemonPod.equals(pods.get(i).name()))) {
                    pod = i;
                }
            }
            if (pod < 0) {
                throw new ScenarioException(placement.file(), row.line(), 1, "", daemonSet
                        ? "DaemonSet " + row.workload() + " has a second row for node " + row.node()
                        : "more rows for " + row.workload() + " than its " + workloads.get(w).replicas() + " replicas");
            }
            next[w] = daemonSet ? next[w] : pod + 1;
            pods.set(pod, new Placed(w, row.pod(), n));
            node[pod] = n;
            nodes.pods().addPod(templates[pod], n);
            checkFits(placement, row, templates[pod], nodes, n);
        }
        return node;
    }

    /**
     * The nodes where the placement runs a pod of DaemonSet {@code spec}: it keeps them even where its
     * controller would not start one today (a taint added since does not evict a running pod).
     */
    static java.util.Set<String> daemonNodes(Scenario scenario, WorkloadSpec spec) {
        if (scenario.initialPlacement() == null) {
            return java.util.Set.of();
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        for (InitialPlacement.Row r : scenario.initialPlacement().rows()) {
            if (r.workload().equals(spec.displayName())) {
                out.add(r.node());
            }
        }
        return out;
    }

    private static void checkFits(InitialPlacement placement, InitialPlacement.Row row, CompiledPod pod,
            SchedulerCache nodes, int n) {
        String over = null;
        if (nodes.pods().podCount(n) > nodes.allowedPods(n)) {
            over = "pods (" + nodes.allowedPods(n) + " allowed)";
        } else if (nodes.pods().requested(SchedulerCache.CPU, n) > nodes.allocatable(SchedulerCache.CPU, n)) {
            over = "cpu (" + nodes.pods().requested(SchedulerCache.CPU, n) + "m requested of "
                    + nodes.allocatable(SchedulerCache.CPU, n) + "m)";
        } else if (nodes.pods().requested(SchedulerCache.MEMORY, n) > nodes.allocatable(SchedulerCache.MEMORY, n)) {
            over = "memory (" + nodes.pods().requested(SchedulerCache.MEMORY, n) + " bytes requested of "
                    + nodes.allocatable(SchedulerCache.MEMORY, n) + ")";
        }
        if (over != null) {
            throw new ScenarioException(placement.file(), row.line(), 1, "", "pod " + row.pod() + " of "
                    + row.workload() + " no longer fits node " + row.node() + ": its allocatable " + over
                    + " is exceeded by the pods placed on it");
        }
    }
}
