package io.nodesim.scheduler;

import io.nodesim.scenario.ImportedPlacement;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.WorkloadSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code spec.initialPlacement} (DESIGN §3.1): binds the pods of t = 0 that the rows name to the nodes
 * where the imported cluster runs them, under the cluster's pod names, before anything is scheduled.
 * A row takes its workload's next pod (a DaemonSet's: the one for the row's node); the pods of a
 * workload left without a row are scheduled as usual. Taints and cordons do not evict a running pod,
 * so they are not checked (a DaemonSet keeps its pod on a node its controller would skip today);
 * resources are: a row whose pod no longer fits its node's allocatable cpu, memory or pod count is
 * bad input naming the row.
 */
final class ImportedPlacementBinding {
    private ImportedPlacementBinding() {
    }

    /** The nodes where the rows run a pod of DaemonSet {@code spec}. */
    static Set<String> daemonNodes(PlacementInputs in, WorkloadSpec spec) {
        if (in.initialPlacement() == null) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (ImportedPlacement.Row r : in.initialPlacement().rows()) {
            if (r.workload().equals(spec.displayName())) {
                out.add(r.node());
            }
        }
        return out;
    }

    /**
     * Binds the pods the rows name (accounting them on their nodes); returns, per pod of {@code pending},
     * its bound form, or null where no row names it.
     */
    static InitialPlacement.Pod[] bind(PlacementInputs in, List<InitialPlacement.Pod> pending, SchedulerCache nodes) {
        InitialPlacement.Pod[] bound = new InitialPlacement.Pod[pending.size()];
        ImportedPlacement placement = in.initialPlacement();
        if (placement == null) {
            return bound;
        }
        Map<String, Integer> workloadIndex = new HashMap<>();
        List<WorkloadSpec> workloads = in.workloads();
        for (int w = 0; w < workloads.size(); w++) {
            workloadIndex.put(workloads.get(w).displayName(), w);
        }
        int[] next = new int[workloads.size()];
        for (ImportedPlacement.Row row : placement.rows()) {
            int w = workloadIndex.get(row.workload());
            int n = nodes.indexOf(row.node());
            boolean daemonSet = "DaemonSet".equals(workloads.get(w).kind());
            String daemonPod = row.workload() + "-" + row.node(); // InitialPlacement's name of the node's pod
            int pod = -1;
            for (int i = daemonSet ? 0 : next[w]; i < pending.size() && pod < 0; i++) {
                if (pending.get(i).workload() == w && bound[i] == null
                        && (!daemonSet || daemonPod.equals(pending.get(i).name()))) {
                    pod = i;
                }
            }
            if (pod < 0) {
                throw new ScenarioException(placement.file(), row.line(), 1, "", daemonSet
                        ? "DaemonSet " + row.workload() + " has a second row for node " + row.node()
                        : "more rows for " + row.workload() + " than its " + workloads.get(w).replicas() + " replicas");
            }
            next[w] = daemonSet ? next[w] : pod + 1;
            CompiledPod compiled = pending.get(pod).compiled();
            bound[pod] = new InitialPlacement.Pod(row.pod(), w, compiled, true, n, null);
            nodes.pods().addPod(compiled, n);
            checkFits(placement, row, nodes, n);
        }
        return bound;
    }

    private static void checkFits(ImportedPlacement placement, ImportedPlacement.Row row, SchedulerCache nodes, int n) {
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
