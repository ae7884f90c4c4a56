package io.nodesim.scheduler.plugins;

import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.SchedulerConfiguration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a plugin says about itself: its upstream name (the registry key of
 * {@code pkg/scheduler/framework/plugins/registry.go}), its extension points, its weight in the
 * default profile per Kubernetes version ({@code pkg/scheduler/apis/config/v1/default_plugins.go}
 * and the v1beta1..3 history), its args type, whether its Filter and Score answers depend only on
 * the node's own state (so the scheduler may cache them per node), and how to build it. A plugin
 * without a factory is known by name only: it has no effect on the pods nodesim schedules.
 *
 * @param weights the default weight from each minor on ({@code weights.get(i)} applies from
 *     {@code fromMinor.get(i)}); empty for a plugin that is not a default Score plugin
 * @param argsType the upstream args kind ({@code NodeResourcesFitArgs}), or null when it takes none
 */
public record PluginDescriptor(String name, Set<ExtensionPoint> points, List<Integer> fromMinor, List<Integer> weights,
        String argsType, boolean filterNodeLocal, boolean scoreNodeLocal, Factory factory) {

    /** Builds a plugin for one scheduler over its node table. */
    @FunctionalInterface
    public interface Factory {
        Object create(SchedulerCache nodes, SchedulerConfiguration config);
    }

    public PluginDescriptor {
        Objects.requireNonNull(name, "name");
        points = Set.copyOf(points);
        fromMinor = List.copyOf(fromMinor);
        weights = List.copyOf(weights);
    }

    public static Builder plugin(String name, ExtensionPoint... points) {
        return new Builder(name, points);
    }

    /** A plugin known by name whose points act only on volumes, claims, gates, preemption or binding. */
    public static PluginDescriptor inert(String name, ExtensionPoint... points) {
        return plugin(name, points).build(null);
    }

    public boolean modelled() {
        return factory != null;
    }

    public boolean at(ExtensionPoint point) {
        return points.contains(point);
    }

    public boolean filters() {
        return at(ExtensionPoint.FILTER);
    }

    public boolean scores() {
        return at(ExtensionPoint.SCORE);
    }

    public boolean normalizes() {
        return at(ExtensionPoint.NORMALIZE_SCORE);
    }

    /** The weight in the version's default profile, or 0 when the plugin is not a default Score plugin there. */
    public int defaultWeight(KubernetesVersion version) {
        int w = 0;
        for (int i = 0; i < fromMinor.size(); i++) {
            if (version.atLeast(fromMinor.get(i))) {
                w = weights.get(i);
            }
        }
        return w;
    }

    public static final class Builder {
        private final String name;
        private final Set<ExtensionPoint> points = EnumSet.noneOf(ExtensionPoint.class);
        private final List<Integer> fromMinor = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();
        private String argsType;
        private boolean filterNodeLocal = true;
        private boolean scoreNodeLocal;

        private Builder(String name, ExtensionPoint... points) {
            this.name = name;
            this.points.addAll(List.of(points));
        }

        /** A default Score plugin with this weight in every version nodesim models... */
        public Builder weight(int weight) {
            return weightFrom(0, weight);
        }

        /** ...or with this weight from this minor on. */
        public Builder weightFrom(int minor, int weight) {
            fromMinor.add(minor);
            weights.add(weight);
            return this;
        }

        public Builder args(String type) {
            argsType = type;
            return this;
        }

        /** Filter looks at pods on other nodes (a topology domain), so its answer cannot be cached per node. */
        public Builder filterReadsOtherNodes() {
            filterNodeLocal = false;
            return this;
        }

        /**
         * Score depends only on the pod template, the node's own state and the node count, and
         * PreScore only on the pod (it never reads the feasible nodes).
         */
        public Builder scoreNodeLocal() {
            scoreNodeLocal = true;
            return this;
        }

        public PluginDescriptor build(Factory factory) {
            return new PluginDescriptor(name, points, fromMinor, weights, argsType, filterNodeLocal, scoreNodeLocal,
                    factory);
        }
    }
}
