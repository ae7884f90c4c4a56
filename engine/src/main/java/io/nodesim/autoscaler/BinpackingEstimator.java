package io.nodesim.autoscaler;

import io.nodesim.scenario.NodeGroup;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.Quantities;
import io.nodesim.scheduler.SchedulerCache;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How many nodes of a group the pending pods need, as cluster-autoscaler's
 * {@code estimator/binpacking_estimator.go} counts them: First-Fit Decreasing over pod equivalence
 * groups (one per workload here), ordered by {@code estimator/decreasing_pod_orderer.go}'s score
 * (cpu request / template cpu + memory request / template memory, largest first; equal scores keep
 * their order, where upstream's {@code sort.Slice} leaves it unspecified). For each group: the pods go
 * onto any node added so far while one fits; the rest onto the last added node, else onto a new one,
 * stopping when the last node is still empty (a pod that does not fit an empty template never will),
 * when the limit of nodes is reached, or when a pod does not fit the new node. The estimate is the
 * number of nodes that received a pod.
 */
final class BinpackingEstimator {
    /** One equivalence group: {@code count} pods of workload {@code workload}. */
    record PodGroup(int workload, int count) {
    }

    /** The estimate: nodes needed and the pods they would hold, per workload in the given order. */
    record Estimate(int nodes, int[] scheduledPods) {
        int pods() {
            int n = 0;
            for (int c : scheduledPods) {
                n += c;
            }
            return n;
        }
    }

    private BinpackingEstimator() {
    }

    /**
     * @param limit the most nodes that may be added (the group's room below its max, the cluster's below
     *     max-nodes-total)
     * @param firstSlot the group member index the first new node would take (for its zone)
     */
    static Estimate estimate(TemplateSnapshot snapshot, NodeGroup group, int firstSlot, List<PodGroup> pods,
            int limit) {
        List<PodGroup> ordered = new ArrayList<>(pods);
        long cpu = allocatable(group, "cpu");
        long mem = allocatable(group, "memory");
        ordered.sort(Comparator.comparingDouble((PodGroup g) -> -score(snapshot.pod(g.workload()), cpu, mem)));
        List<Integer> newNodes = new ArrayList<>();
        List<Boolean> hasPods = new ArrayList<>();
        int[] scheduled = new int[pods.size()];
        int last = -1;
        for (PodGroup g : ordered) {
            CompiledPod pod = snapshot.pod(g.workload());
            int slotOfGroup = pods.indexOf(g);
            int placed = 0;
            // tryToScheduleOnExistingNodes: any node added so far, until the first pod that fits none
            while (placed < g.count()) {
                int fit = -1;
                for (int i = 0; i < newNodes.size() && fit < 0; i++) {
                    if (snapshot.fits(pod, newNodes.get(i))) {
                        fit = i;
                    }
                }
                if (fit < 0) {
                    break;
                }
                snapshot.place(pod, newNodes.get(fit));
                hasPods.set(fit, true);
                placed++;
            }
            // tryToScheduleOnNewNodes
            for (; placed < g.count(); placed++) {
                if (last >= 0 && snapshot.fits(pod, newNodes.get(last))) {
                    snapshot.place(pod, newNodes.get(last));
                    hasPods.set(last, true);
                    continue;
                }
                if (last >= 0 && !hasPods.get(last) || newNodes.size() >= limit) {
                    break;
                }
                int n = snapshot.addNode(group, firstSlot + newNodes.size());
                newNodes.add(n);
                hasPods.add(false);
                last = newNodes.size() - 1;
                if (!snapshot.fits(pod, n)) {
                    break;
                }
                snapshot.place(pod, n);
                hasPods.set(last, true);
            }
            scheduled[slotOfGroup] = placed;
        }
        int used = 0;
        for (boolean b : hasPods) {
            used += b ? 1 : 0;
        }
        return new Estimate(used, scheduled);
    }

    /** The template's allocatable of a resource in the scheduler's units (millicores, bytes); 0 when absent. */
    static long allocatable(NodeGroup group, String resource) {
        var status = group.template().getStatus();
        if (status == null || status.getAllocatable() == null || !status.getAllocatable().containsKey(resource)) {
            return 0;
        }
        return Quantities.of(resource, status.getAllocatable().get(resource));
    }

    /** decreasing_pod_orderer.go calculatePodScore. */
    static double score(CompiledPod pod, long templateCpu, long templateMemory) {
        double s = 0;
        if (templateCpu > 0) {
            s += (double) pod.request(SchedulerCache.CPU) / templateCpu;
        }
        if (templateMemory > 0) {
            s += (double) pod.request(SchedulerCache.MEMORY) / templateMemory;
        }
        return s;
    }
}
