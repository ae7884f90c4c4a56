package io.nodesim.scheduler.plugins;

import static io.nodesim.scheduler.plugins.ExtensionPoint.FILTER;
import static io.nodesim.scheduler.plugins.PluginDescriptor.plugin;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.TaintEffects;

/**
 * Rejects a cordoned node ({@code spec.unschedulable}) unless the pod tolerates the
 * {@code node.kubernetes.io/unschedulable:NoSchedule} taint
 * (kubernetes pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go).
 */
public final class NodeUnschedulable implements FilterPlugin {
    public static final String NAME = "NodeUnschedulable";
    public static final PluginDescriptor DESCRIPTOR = plugin(NAME, FILTER).build((nodes, config) -> new NodeUnschedulable(nodes));
    static final String REASON = "node(s) were unschedulable";

    private final SchedulerCache nodes;
    private final int taintKey;
    private final int emptyValue;
    private boolean tolerated;

    public NodeUnschedulable(SchedulerCache nodes) {
        this.nodes = nodes;
        this.taintKey = nodes.symbols().intern(TaintEffects.UNSCHEDULABLE_KEY);
        this.emptyValue = nodes.symbols().intern("");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String preFilter(CompiledPod pod) {
        tolerated = pod.tolerates(taintKey, emptyValue, TaintEffects.NO_SCHEDULE);
        return tolerated ? SKIP : null;
    }

    @Override
    public String filter(CompiledPod pod, int node) {
        return nodes.unschedulable(node) ? REASON : null;
    }
}
