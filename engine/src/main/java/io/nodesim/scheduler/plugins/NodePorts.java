package io.nodesim.scheduler.plugins;

import static io.nodesim.scheduler.plugins.ExtensionPoint.FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_FILTER;
import static io.nodesim.scheduler.plugins.PluginDescriptor.plugin;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.NodePods;
import io.nodesim.scheduler.SchedulerCache;
import java.util.List;

/**
 * Rejects a node where a requested host port (protocol, IP, port; 0.0.0.0 conflicts with every IP)
 * is taken (kubernetes .../plugins/nodeports/node_ports.go).
 */
public final class NodePorts implements FilterPlugin {
    public static final String NAME = "NodePorts";
    public static final PluginDescriptor DESCRIPTOR = plugin(NAME, PRE_FILTER, FILTER).build((nodes, config) -> new NodePorts(nodes));
    static final String REASON = "node(s) didn't have free ports for the requested pod ports";

    private final NodePods pods;

    public NodePorts(SchedulerCache nodes) {
        this.pods = nodes.pods();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String preFilter(CompiledPod pod) {
        return pod.hostPorts.isEmpty() ? SKIP : null;
    }

    @Override
    public String filter(CompiledPod pod, int node) {
        List<CompiledPod.HostPort> used = pods.hostPorts(node);
        for (CompiledPod.HostPort want : pod.hostPorts) {
            for (CompiledPod.HostPort have : used) {
                if (want.conflicts(have)) {
                    return REASON;
                }
            }
        }
        return null;
    }
}
