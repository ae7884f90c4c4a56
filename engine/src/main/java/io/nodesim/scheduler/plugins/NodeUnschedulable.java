package io.nodesim.scheduler.plugins;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.NodeTable;
import io.nodesim.scheduler.Taints;

/**
 * Rejects a cordoned node ({@code spec.unschedulable}) unless the pod tolerates the
 * {@code node.kubernetes.io/unschedulable:NoSchedule} taint
 * (kubernetes pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go).
 */
public final class NodeUnschedulable implements FilterPlugin {
    public static final String NAME = "NodeUnschedulable";
    static final String REASON = "node(s) were unschedulable";

    private final NodeTable nodes;
    private final int taintKey;
    private final int emptyValue;
    private boolean tolerated;

    public NodeUnschedulable(NodeTable nodes) {
        this.nodes = nodes;
        this.taintKey = nodes.symbols().intern(Taints.UNSCHEDULABLE_KEY);
        this.emptyValue = nodes.symbols().intern("");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String preFilter(CompiledPod pod) {
        tolerated = pod.tolerates(taintKey, emptyValue, Taints.NO_SCHEDULE);
        return tolerated ? SKIP : null;
    }

    @Override
    public String filter(CompiledPod pod, int node) {
        return nodes.unschedulable(node) ? REASON : null;
    }
}
