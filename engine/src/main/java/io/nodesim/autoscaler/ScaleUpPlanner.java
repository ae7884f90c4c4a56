package io.nodesim.autoscaler;

import io.nodesim.autoscaler.BinpackingEstimator.Estimate;
import io.nodesim.autoscaler.BinpackingEstimator.PodGroup;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.Scenario;
import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scale-up half of a scan ({@code core/scaleup/orchestrator/orchestrator.go} {@code ScaleUp}):
 * the pending pods that upcoming nodes will not take, and for each group one expansion option from
 * the {@link BinpackingEstimator}, among the pods that fit an empty template node of the group
 * ({@code ComputeExpansionOption}).
 */
final class ScaleUpPlanner {
    private final Scenario scenario;
    /** The workloads' pods compiled once, for their priorities. */
    private final TemplateSnapshot compiled;

    ScaleUpPlanner(Scenario scenario) {
        this.scenario = scenario;
        compiled = new TemplateSnapshot(scenario);
    }

    /** The priority of workload {@code w}'s pods. */
    int priority(int w) {
        return compiled.pod(w).priority;
    }

    /**
     * The pods, as equivalence groups in order of first appearance, that do not fit the nodes already
     * asked for and not yet started: {@code static_autoscaler.go} adds the upcoming nodes to its
     * snapshot as template nodes before it filters out the pods that can be scheduled.
     */
    List<PodGroup> afterUpcoming(int[] podWorkloads, NodeGroupState[] groups, ClusterReadiness readiness,
            NodeObjects nodes, long now) {
        TemplateSnapshot snapshot = new TemplateSnapshot(scenario);
        List<Integer> upcoming = new ArrayList<>();
        for (NodeGroupState g : groups) {
            int n = readiness.perGroup[g.index].upcoming(g.target);
            for (int k = 0; k < g.slots.length && n > 0; k++) {
                ClusterReadiness.State s = ClusterReadiness.state(nodes, g.slots[k], now);
                boolean asked = g.requestedAt[k] != SimTime.NEVER && !nodes.deleted(g.slots[k]);
                if (asked && (s == ClusterReadiness.State.ABSENT || s == ClusterReadiness.State.NOT_STARTED)) {
                    upcoming.add(snapshot.addNode(g.group, k));
                    n--;
                }
            }
        }
        Map<Integer, Integer> left = new LinkedHashMap<>();
        for (int w : podWorkloads) {
            CompiledPod pod = snapshot.pod(w);
            int fit = -1;
            for (int i = 0; i < upcoming.size() && fit < 0; i++) {
                if (snapshot.fits(pod, upcoming.get(i))) {
                    fit = upcoming.get(i);
                }
            }
            if (fit >= 0) {
                snapshot.place(pod, fit);
            } else {
                left.merge(w, 1, Integer::sum);
            }
        }
        List<PodGroup> out = new ArrayList<>();
        left.forEach((w, c) -> out.add(new PodGroup(w, c)));
        return out;
    }

    /** The group's option for the pods, at most {@code limit} nodes; null when it helps none of them. */
    ExpansionOption option(NodeGroupState g, List<PodGroup> pods, int limit, NodeObjects nodes) {
        int firstSlot = g.freeSlot(nodes);
        if (firstSlot < 0 || limit <= 0) {
            return null;
        }
        TemplateSnapshot probe = new TemplateSnapshot(scenario);
        int empty = probe.addNode(g.group, firstSlot);
        List<PodGroup> fitting = new ArrayList<>();
        for (PodGroup pg : pods) {
            if (probe.fits(probe.pod(pg.workload()), empty)) {
                fitting.add(pg);
            }
        }
        if (fitting.isEmpty()) {
            return null;
        }
        TemplateSnapshot snapshot = new TemplateSnapshot(scenario);
        Estimate e = BinpackingEstimator.estimate(snapshot, g.group, firstSlot, fitting, limit);
        if (e.nodes() == 0) {
            return null;
        }
        long cpu = 0;
        long memory = 0;
        for (int i = 0; i < fitting.size(); i++) {
            CompiledPod pod = snapshot.pod(fitting.get(i).workload());
            cpu += e.scheduledPods()[i] * pod.request(SchedulerCache.CPU);
            memory += e.scheduledPods()[i] * pod.request(SchedulerCache.MEMORY);
        }
        return new ExpansionOption(g.index, g.group.name(), e.nodes(), e.pods(), cpu, memory,
                BinpackingEstimator.allocatable(g.group, "cpu"), BinpackingEstimator.allocatable(g.group, "memory"));
    }
}
