package io.nodesim.scheduler.plugins;

import static io.nodesim.scheduler.plugins.ExtensionPoint.FILTER;
import static io.nodesim.scheduler.plugins.PluginDescriptor.plugin;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;

/** Rejects every node but {@code spec.nodeName} (kubernetes .../plugins/nodename/node_name.go). */
public final class NodeName implements FilterPlugin {
    public static final String NAME = "NodeName";
    public static final PluginDescriptor DESCRIPTOR = plugin(NAME, FILTER).build((nodes, config) -> new NodeName(nodes));
    static final String REASON = "node(s) didn't match the requested node name";

    private final SchedulerCache nodes;

    public NodeName(SchedulerCache nodes) {
        this.nodes = nodes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String preFilter(CompiledPod pod) {
        return pod.nodeName == null ? SKIP : null;
    }

    @Override
    public String filter(CompiledPod pod, int node) {
        return pod.nodeName.equals(nodes.name(node)) ? null : REASON;
    }
}
