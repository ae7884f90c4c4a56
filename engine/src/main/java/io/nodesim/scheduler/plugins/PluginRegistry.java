package io.nodesim.scheduler.plugins;

import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.SchedulerConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place plugins are registered, by their upstream names (kubernetes
 * pkg/scheduler/framework/plugins/registry.go). Upstream plugins that only act on volumes, claims,
 * gates, preemption or binding are known by name and accepted in configurations, but have no effect
 * on the pods nodesim schedules (no PVCs, no ResourceClaims).
 */
public final class PluginRegistry {
    /** Builds a plugin for one scheduler over its node table. */
    @FunctionalInterface
    public interface Factory {
        Object create(SchedulerCache nodes, SchedulerConfiguration config);
    }

    private static final Map<String, Factory> PLUGINS = new LinkedHashMap<>();

    static {
        PLUGINS.put(NodeUnschedulable.NAME, (n, c) -> new NodeUnschedulable(n));
        PLUGINS.put(NodeName.NAME, (n, c) -> new NodeName(n));
        PLUGINS.put(TaintToleration.NAME, (n, c) -> new TaintToleration(n, c.taintInReason()));
        PLUGINS.put(NodeAffinity.NAME, (n, c) -> new NodeAffinity(n));
        PLUGINS.put(NodePorts.NAME, (n, c) -> new NodePorts(n));
        PLUGINS.put(NodeResourcesFit.NAME, (n, c) -> new NodeResourcesFit(n, c.fitStrategy()));
        PLUGINS.put(PodTopologySpread.NAME, (n, c) -> new PodTopologySpread(n, c.spreadSystemDefaulting()));
        PLUGINS.put(InterPodAffinity.NAME, (n, c) -> new InterPodAffinity(n, c.hardPodAffinityWeight()));
        PLUGINS.put(NodeResourcesBalancedAllocation.NAME, (n, c) -> new NodeResourcesBalancedAllocation(n,
                c.balancedResources(), c.balancedAllocationSkipsBestEffort(), c.balancedAllocationDelta()));
        PLUGINS.put(ImageLocality.NAME, (n, c) -> new ImageLocality(n));
    }

    /** Upstream plugins with no effect on pods without volumes, claims, gates or preemption. */
    public static final Set<String> INERT = Set.of("SchedulingGates", "PrioritySort", "VolumeRestrictions",
            "NodeVolumeLimits", "VolumeBinding", "VolumeZone", "DynamicResources", "DefaultPreemption",
            "DefaultBinder", "EBSLimits", "GCEPDLimits", "AzureDiskLimits", "NodePreferAvoidPods");

    private PluginRegistry() {
    }

    public static boolean isKnown(String name) {
        return PLUGINS.containsKey(name) || INERT.contains(name);
    }

    public static boolean isModelled(String name) {
        return PLUGINS.containsKey(name);
    }

    /** Every name a configuration may use, modelled first, in registration order. */
    public static List<String> knownNames() {
        List<String> out = new ArrayList<>(PLUGINS.keySet());
        INERT.stream().sorted().forEach(out::add);
        return out;
    }

    public static Set<String> names() {
        return PLUGINS.keySet();
    }

    public static Object create(String name, SchedulerCache nodes, SchedulerConfiguration config) {
        Factory f = PLUGINS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no plugin named " + name);
        }
        return f.create(nodes, config);
    }
}
