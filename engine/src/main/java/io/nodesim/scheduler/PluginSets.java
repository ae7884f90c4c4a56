package io.nodesim.scheduler;

import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.parse.DidYouMean;
import io.nodesim.scenario.parse.Section;
import io.nodesim.scenario.parse.Values;
import io.nodesim.scenario.parse.YNode;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scheduler.SchedulerConfiguration.WeightedPlugin;
import io.nodesim.scheduler.plugins.ExtensionPoint;
import io.nodesim.scheduler.plugins.PluginDescriptor;
import io.nodesim.scheduler.plugins.PluginRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A profile's enabled Filter and Score plugins: the version's defaults, then the profile's
 * {@code plugins} merged in as kubernetes does it ({@code pkg/scheduler/apis/config/v1/default_plugins.go}
 * {@code mergePluginSet}: disabled defaults dropped, {@code "*"} drops them all, an enabled default
 * keeps its place with the new weight, others are appended; the framework's
 * {@code expandMultiPointPlugins}: multiPoint first, the specific points take precedence).
 */
final class PluginSets {
    /** multiPoint, then the specific points in framework order: these take precedence. */
    static final List<String> EXTENSION_POINTS = Stream.concat(Stream.of("multiPoint"),
            Arrays.stream(ExtensionPoint.values()).map(ExtensionPoint::field).filter(Objects::nonNull)).toList();
    private static final List<String> ENTRY_FIELDS = List.of("name", "weight");
    private static final String DEFAULT_PREEMPTION = "DefaultPreemption";

    private final List<String> filters;
    private final List<WeightedPlugin> scores;
    /** PreFilter / PreScore disabled by name: nodesim runs them with Filter / Score, so those must go too. */
    private final List<PreDisabled> preDisabled = new ArrayList<>();
    /** DefaultPreemption, the one PostFilter plugin, is on unless the profile disables it. */
    private boolean preempts = true;

    private record PreDisabled(String name, String point, YNode at, String path) {
    }

    private PluginSets(List<String> filters, List<WeightedPlugin> scores) {
        this.filters = filters;
        this.scores = scores;
    }

    /** The version's default profile, from the registered plugins' descriptors. */
    static PluginSets defaults(KubernetesVersion version) {
        List<String> filters = new ArrayList<>();
        List<WeightedPlugin> scores = new ArrayList<>();
        for (PluginDescriptor d : PluginRegistry.modelled()) {
            if (d.filters()) {
                filters.add(d.name());
            }
            if (d.defaultWeight(version) > 0) {
                scores.add(new WeightedPlugin(d.name(), d.defaultWeight(version)));
            }
        }
        return new PluginSets(filters, scores);
    }

    List<String> filters() {
        return filters;
    }

    List<WeightedPlugin> scores() {
        return scores;
    }

    boolean preempts() {
        return preempts;
    }

    void apply(YNode plugins, String path) {
        Section s = Section.of(plugins, path, EXTENSION_POINTS);
        for (String point : EXTENSION_POINTS) {
            if (s.has(point)) {
                applyPoint(point, Section.of(s.get(point), s.path(point), List.of("enabled", "disabled")));
            }
        }
        for (PreDisabled d : preDisabled) {
            boolean filter = d.point().equals("preFilter");
            ExtensionPoint pre = filter ? ExtensionPoint.PRE_FILTER : ExtensionPoint.PRE_SCORE;
            Stream<String> active = filter ? filters.stream() : scores.stream().map(WeightedPlugin::name);
            boolean stillOn = active.anyMatch(n -> (d.name().equals("*") || n.equals(d.name()))
                    && PluginRegistry.descriptor(n).at(pre));
            if (stillOn) {
                String main = filter ? "filter" : "score";
                throw d.at().loc().error(d.path(), "nodesim runs a plugin's " + d.point() + " with its " + main
                        + ": disable " + (d.name().equals("*") ? "them" : d.name()) + " at " + main
                        + " (or multiPoint) too");
            }
        }
    }

    private void applyPoint(String point, Section set) {
        boolean doFilter = point.equals("multiPoint") || point.equals("filter");
        boolean doScore = point.equals("multiPoint") || point.equals("score");
        boolean doPostFilter = point.equals("multiPoint") || point.equals("postFilter");
        if (set.has("disabled")) {
            YList disabled = Values.list(set.get("disabled"), set.path("disabled"));
            for (int i = 0; i < disabled.items().size(); i++) {
                Section d = Section.of(disabled.items().get(i), set.path("disabled") + "[" + i + "]", ENTRY_FIELDS);
                String name = pluginName(d.require("name", "name (a plugin or \"*\")"), d.path("name"), true);
                if (point.equals("preFilter") || point.equals("preScore")) {
                    preDisabled.add(new PreDisabled(name, point, d.get("name"), d.path("name")));
                }
                if (doPostFilter && (name.equals("*") || name.equals(DEFAULT_PREEMPTION))) {
                    preempts = false;
                }
                if (name.equals("*")) {
                    if (doFilter) {
                        filters.clear();
                    }
                    if (doScore) {
                        scores.clear();
                    }
                    continue;
                }
                // upstream's mergePluginSet only drops names, so a point the plugin lacks is no error here
                if (doFilter) {
                    filters.remove(name);
                }
                if (doScore) {
                    scores.removeIf(w -> w.name().equals(name));
                }
            }
        }
        if (set.has("enabled")) {
            YList enabled = Values.list(set.get("enabled"), set.path("enabled"));
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < enabled.items().size(); i++) {
                Section e = Section.of(enabled.items().get(i), set.path("enabled") + "[" + i + "]", ENTRY_FIELDS);
                String name = pluginName(e.require("name", "name (a plugin)"), e.path("name"), false);
                if (!seen.add(name)) {
                    throw e.get("name").loc().error(e.path("name"), name + " is enabled twice at " + point);
                }
                checkPoint(name, point, e.get("name"), e.path("name"));
                if (doPostFilter && name.equals(DEFAULT_PREEMPTION)) {
                    preempts = true;
                }
                int weight = e.has("weight") ? (int) Values.integer(e.get("weight"), e.path("weight"), 0, 100) : 0;
                PluginDescriptor descriptor = PluginRegistry.descriptor(name);
                if (!descriptor.modelled()) {
                    continue;
                }
                if (doFilter && descriptor.filters() && !filters.contains(name)) {
                    filters.add(name);
                }
                if (doScore && descriptor.scores()) {
                    enableScore(name, weight);
                }
            }
        }
    }

    /** The framework refuses a plugin at an extension point it does not implement. */
    private static void checkPoint(String name, String point, YNode at, String path) {
        if (!point.equals("multiPoint") && !PluginRegistry.descriptor(name).at(ExtensionPoint.ofField(point))) {
            throw at.loc().error(path, name + " is not a " + point + " plugin");
        }
    }

    private void enableScore(String name, int weight) {
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).name().equals(name)) {
                scores.set(i, new WeightedPlugin(name, weight == 0 ? scores.get(i).weight() : weight));
                return;
            }
        }
        // the framework gives a score plugin configured without a weight the weight 1
        scores.add(new WeightedPlugin(name, weight == 0 ? 1 : weight));
    }

    static String pluginName(YNode n, String path, boolean allowAll) {
        String name = Values.string(n, path);
        if ((allowAll && name.equals("*")) || PluginRegistry.isKnown(name)) {
            return name;
        }
        List<String> known = PluginRegistry.knownNames();
        throw n.loc().error(path, "unknown plugin \"" + name + "\"" + DidYouMean.hint(name, known)
                + " (known plugins: " + String.join(", ", known) + (allowAll ? ", or \"*\" for all" : "") + ")");
    }
}
