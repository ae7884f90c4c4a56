package io.nodesim.tainteviction;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.cluster.Topology;
import io.nodesim.cluster.WorkloadInfo;
import io.nodesim.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NoExecute taints written in the scenario ({@code nodes[].taints}), which no controller sets
 * or removes. Upstream {@code handleNodeUpdate} ({@code pkg/controller/tainteviction/taint_eviction.go})
 * takes every NoExecute taint of the node, whoever wrote it, so they count for eviction exactly as
 * the node controllers' taints do.
 *
 * <p>Compiled once: the distinct (key, value) taints, each node's list of them, and per workload the
 * time its admitted template tolerates each one ({@link TolerationCompiler#firstMatch}). The admitted
 * DaemonSet template tolerates only the {@code node.kubernetes.io/*} keys, so a user taint evicts
 * DaemonSet pods like any other unless their own template tolerates it.
 */
public final class ScenarioNoExecuteTaints {
    private static final int[] NONE = new int[0];
    private final int[][] taintsOfNode;
    /** [workload][taint index]: NOT_TOLERATED, FOREVER or microseconds. */
    private final long[][] toleration;

    public ScenarioNoExecuteTaints(Topology topology, List<WorkloadSpec> workloads) {
        List<Taint> distinct = new ArrayList<>();
        Map<Node, int[]> byTemplate = new IdentityHashMap<>();
        taintsOfNode = new int[topology.size()][];
        for (int n = 0; n < topology.size(); n++) {
            taintsOfNode[n] = byTemplate.computeIfAbsent(topology.template(n), t -> indices(t, distinct));
        }
        toleration = new long[workloads.size()][distinct.size()];
        for (int w = 0; w < workloads.size(); w++) {
            List<Toleration> tolerations = TolerationCompiler.tolerations(workloads.get(w));
            for (int i = 0; i < distinct.size(); i++) {
                Taint t = distinct.get(i);
                toleration[w][i] = TolerationCompiler.firstMatch(tolerations, t.getKey(), value(t));
            }
        }
    }

    private static int[] indices(Node template, List<Taint> distinct) {
        if (template.getSpec() == null || template.getSpec().getTaints() == null) {
            return NONE;
        }
        List<Integer> out = new ArrayList<>();
        for (Taint t : template.getSpec().getTaints()) {
            if (!"NoExecute".equals(t.getEffect())) {
                continue;
            }
            int i = indexOf(distinct, t);
            if (i < 0) {
                distinct.add(t);
                i = distinct.size() - 1;
            }
            if (!out.contains(i)) {
                out.add(i);
            }
        }
        return out.isEmpty() ? NONE : out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int indexOf(List<Taint> distinct, Taint t) {
        for (int i = 0; i < distinct.size(); i++) {
            if (distinct.get(i).getKey().equals(t.getKey()) && value(distinct.get(i)).equals(value(t))) {
                return i;
            }
        }
        return -1;
    }

    private static String value(Taint t) {
        return t.getValue() == null ? "" : t.getValue();
    }

    /** True when the node carries at least one NoExecute taint of the scenario. */
    public boolean tainted(int node) {
        return taintsOfNode[node].length > 0;
    }

    /**
     * The pods of {@code workload} on {@code node} over the node's scenario NoExecute taints:
     * {@link WorkloadInfo#NOT_TOLERATED} if one is not tolerated, else the minimum toleration time
     * ({@link WorkloadInfo#FOREVER} when every first match is unbounded, or the node has none).
     */
    public long toleration(int workload, int node) {
        long min = WorkloadInfo.FOREVER;
        for (int i : taintsOfNode[node]) {
            long t = toleration[workload][i];
            if (t == WorkloadInfo.NOT_TOLERATED) {
                return t;
            }
            min = Math.min(min, t);
        }
        return min;
    }
}
