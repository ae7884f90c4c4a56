package io.nodesim.scheduler.plugins;

import static io.nodesim.scheduler.plugins.ExtensionPoint.BIND;
import static io.nodesim.scheduler.plugins.ExtensionPoint.FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.POST_FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_BIND;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_ENQUEUE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.QUEUE_SORT;
import static io.nodesim.scheduler.plugins.ExtensionPoint.RESERVE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.SCORE;
import static io.nodesim.scheduler.plugins.PluginDescriptor.inert;

import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.SchedulerConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place plugins are registered, one line each, by their upstream names (kubernetes
 * {@code pkg/scheduler/framework/plugins/registry.go}). The modelled plugins come in the order of
 * the default profile's multiPoint list, which is the order the framework runs them. The others
 * act only on volumes, claims, gates, preemption or binding: known by name and accepted in
 * configurations, with no effect on the pods nodesim schedules (no PVCs, no ResourceClaims).
 */
public final class PluginRegistry {
    private static final List<PluginDescriptor> ALL = List.of(
            NodeUnschedulable.DESCRIPTOR,
            NodeName.DESCRIPTOR,
            TaintToleration.DESCRIPTOR,
            NodeAffinity.DESCRIPTOR,
            NodePorts.DESCRIPTOR,
            NodeResourcesFit.DESCRIPTOR,
            PodTopologySpread.DESCRIPTOR,
            InterPodAffinity.DESCRIPTOR,
            NodeResourcesBalancedAllocation.DESCRIPTOR,
            ImageLocality.DESCRIPTOR,
            inert("SchedulingGates", PRE_ENQUEUE),
            inert("PrioritySort", QUEUE_SORT),
            inert("VolumeRestrictions", PRE_FILTER, FILTER),
            inert("NodeVolumeLimits", PRE_FILTER, FILTER),
            inert("EBSLimits", PRE_FILTER, FILTER),
            inert("GCEPDLimits", PRE_FILTER, FILTER),
            inert("AzureDiskLimits", PRE_FILTER, FILTER),
            inert("VolumeBinding", PRE_FILTER, FILTER, RESERVE, PRE_BIND, PRE_SCORE, SCORE),
            inert("VolumeZone", PRE_FILTER, FILTER),
            inert("DynamicResources", PRE_ENQUEUE, PRE_FILTER, FILTER, POST_FILTER, RESERVE, PRE_BIND, PRE_SCORE, SCORE),
            inert("DefaultPreemption", PRE_ENQUEUE, POST_FILTER),
            inert("NodePreferAvoidPods", SCORE),
            inert("DefaultBinder", BIND));

    private static final Map<String, PluginDescriptor> BY_NAME = new LinkedHashMap<>();

    static {
        ALL.forEach(d -> BY_NAME.put(d.name(), d));
    }

    private PluginRegistry() {
    }

    /** Every registered plugin, the modelled ones first in multiPoint order. */
    public static List<PluginDescriptor> all() {
        return ALL;
    }

    /** Every modelled plugin (one with a factory), in multiPoint order. */
    public static List<PluginDescriptor> modelled() {
        return ALL.stream().filter(PluginDescriptor::modelled).toList();
    }

    /** The descriptor, or null for an unknown name. */
    public static PluginDescriptor descriptor(String name) {
        return BY_NAME.get(name);
    }

    public static boolean isKnown(String name) {
        return BY_NAME.containsKey(name);
    }

    public static boolean isModelled(String name) {
        PluginDescriptor d = BY_NAME.get(name);
        return d != null && d.modelled();
    }

    /** Every name a configuration may use, in registration order. */
    public static List<String> knownNames() {
        return ALL.stream().map(PluginDescriptor::name).toList();
    }

    public static Object create(String name, SchedulerCache nodes, SchedulerConfiguration config) {
        PluginDescriptor d = BY_NAME.get(name);
        if (d == null || !d.modelled()) {
            throw new IllegalArgumentException("no modelled plugin named " + name);
        }
        return d.factory().create(nodes, config);
    }
}
