package io.nodesim.scheduler;

import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.nodesim.scenario.parse.DidYouMean;
import io.nodesim.scenario.parse.ManifestReader;
import io.nodesim.scenario.parse.Section;
import io.nodesim.scenario.parse.Values;
import io.nodesim.scenario.parse.YNode;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scheduler.plugins.PluginDescriptor;
import io.nodesim.scheduler.preemption.DefaultPreemptionArgs;
import io.nodesim.scheduler.plugins.PluginRegistry;
import io.nodesim.scheduler.plugins.ResourceSpec;
import io.nodesim.scheduler.plugins.ScoringStrategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A profile's {@code pluginConfig}: the args nodesim models (kubernetes
 * {@code pkg/scheduler/apis/config/v1/types_pluginargs.go}, validated as
 * {@code pkg/scheduler/apis/config/validation/validation_pluginargs.go} does), defaults until read.
 */
final class PluginArgs {
    private static final List<String> ENTRY_FIELDS = List.of("name", "args");
    private static final String MIN_CANDIDATES_PERCENTAGE = "minCandidateNodesPercentage";
    private static final String MIN_CANDIDATES_ABSOLUTE = "minCandidateNodesAbsolute";

    private ScoringStrategy fit = ScoringStrategy.DEFAULT;
    private List<ResourceSpec> balancedResources = ResourceSpec.CPU_MEMORY;
    private boolean spreadSystemDefaulting = true;
    private long hardPodAffinityWeight = 1;
    private NodeAffinity addedAffinity;
    private DefaultPreemptionArgs preemption = DefaultPreemptionArgs.DEFAULT;

    ScoringStrategy fit() {
        return fit;
    }

    List<ResourceSpec> balancedResources() {
        return balancedResources;
    }

    boolean spreadSystemDefaulting() {
        return spreadSystemDefaulting;
    }

    long hardPodAffinityWeight() {
        return hardPodAffinityWeight;
    }

    NodeAffinity addedAffinity() {
        return addedAffinity;
    }

    DefaultPreemptionArgs preemption() {
        return preemption;
    }

    void read(YNode pluginConfig, String path) {
        YList configs = Values.list(pluginConfig, path);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < configs.items().size(); i++) {
            Section c = Section.of(configs.items().get(i), path + "[" + i + "]", ENTRY_FIELDS);
            String name = PluginSets.pluginName(c.require("name", "name (a plugin)"), c.path("name"), false);
            if (!seen.add(name)) {
                throw c.get("name").loc().error(c.path("name"), "repeated config for plugin " + name);
            }
            if (c.has("args")) {
                args(name, c.get("args"), c.path("args"));
            }
        }
    }

    private void args(String plugin, YNode args, String path) {
        PluginDescriptor d = PluginRegistry.descriptor(plugin);
        if (d.modelled() && Values.map(args, path).get("kind") != null) {
            YNode kind = Values.map(args, path).get("kind");
            String expected = d.argsType() == null ? "none (" + plugin + " takes no args)" : d.argsType();
            if (!Values.string(kind, path + ".kind").equals(d.argsType())) {
                throw kind.loc().error(path + ".kind", "expected " + expected + ", got \"" + Values.string(kind,
                        path + ".kind") + "\"");
            }
        }
        switch (plugin) {
            case "NodeResourcesFit" -> fit = fit(Section.of(args, path, with("scoringStrategy")));
            case "NodeResourcesBalancedAllocation" -> {
                Section s = Section.of(args, path, with("resources"));
                if (s.has("resources")) {
                    balancedResources = resources(s.get("resources"), s.path("resources"));
                }
            }
            case "NodeAffinity" -> {
                Section s = Section.of(args, path, with("addedAffinity"));
                if (s.has("addedAffinity")) {
                    addedAffinity = addedAffinity(s.get("addedAffinity"), s.path("addedAffinity"));
                }
            }
            case "DefaultPreemption" -> preemption = preemption(Section.of(args, path,
                    with(MIN_CANDIDATES_PERCENTAGE, MIN_CANDIDATES_ABSOLUTE)));
            case "PodTopologySpread" -> spreadSystemDefaulting = spread(Section.of(args, path,
                    with("defaultingType", "defaultConstraints")));
            case "InterPodAffinity" -> {
                Section s = Section.of(args, path, with("hardPodAffinityWeight", "ignorePreferredTermsOfExistingPods"));
                if (s.has("ignorePreferredTermsOfExistingPods")
                        && Values.bool(s.get("ignorePreferredTermsOfExistingPods"), s.path("ignorePreferredTermsOfExistingPods"))) {
                    throw s.get("ignorePreferredTermsOfExistingPods").loc().error(
                            s.path("ignorePreferredTermsOfExistingPods"), "is not modelled");
                }
                if (s.has("hardPodAffinityWeight")) {
                    hardPodAffinityWeight = Values.integer(s.get("hardPodAffinityWeight"), s.path("hardPodAffinityWeight"),
                            0, 100);
                }
            }
            default -> {
                if (PluginRegistry.isModelled(plugin)) {
                    Section.of(args, path, with());
                }
            }
        }
    }

    /** SetDefaults_DefaultPreemptionArgs (10 %, 100) and ValidateDefaultPreemptionArgs. */
    private static DefaultPreemptionArgs preemption(Section s) {
        int percentage = s.has(MIN_CANDIDATES_PERCENTAGE) ? (int) Values.integer(s.get(MIN_CANDIDATES_PERCENTAGE),
                s.path(MIN_CANDIDATES_PERCENTAGE), 0, 100) : DefaultPreemptionArgs.DEFAULT.minCandidateNodesPercentage();
        int absolute = s.has(MIN_CANDIDATES_ABSOLUTE) ? (int) Values.integer(s.get(MIN_CANDIDATES_ABSOLUTE),
                s.path(MIN_CANDIDATES_ABSOLUTE), 0, Integer.MAX_VALUE)
                : DefaultPreemptionArgs.DEFAULT.minCandidateNodesAbsolute();
        if (percentage == 0 && absolute == 0) {
            String field = s.has(MIN_CANDIDATES_PERCENTAGE) ? MIN_CANDIDATES_PERCENTAGE : MIN_CANDIDATES_ABSOLUTE;
            throw s.get(field).loc().error(s.path(field),
                    "minCandidateNodesPercentage and minCandidateNodesAbsolute cannot both be zero");
        }
        return new DefaultPreemptionArgs(percentage, absolute);
    }

    private static ScoringStrategy fit(Section args) {
        if (!args.has("scoringStrategy")) {
            return ScoringStrategy.DEFAULT;
        }
        Section s = Section.of(args.get("scoringStrategy"), args.path("scoringStrategy"),
                List.of("type", "resources", "requestedToCapacityRatio"));
        String type = s.has("type") ? Values.string(s.get("type"), s.path("type")) : "LeastAllocated";
        if (!ScoringStrategy.TYPES.contains(type)) {
            throw s.get("type").loc().error(s.path("type"), "unknown scoring strategy \"" + type + "\""
                    + DidYouMean.hint(type, ScoringStrategy.TYPES)
                    + " (allowed: " + String.join(", ", ScoringStrategy.TYPES) + ")");
        }
        List<ResourceSpec> resources = s.has("resources") ? resources(s.get("resources"), s.path("resources"))
                : ResourceSpec.CPU_MEMORY;
        List<ScoringStrategy.ShapePoint> shape = new ArrayList<>();
        if (s.has("requestedToCapacityRatio")) {
            Section r = Section.of(s.get("requestedToCapacityRatio"), s.path("requestedToCapacityRatio"),
                    List.of("shape"));
            YList points = Values.list(r.require("shape", "shape (utilization/score points)"), r.path("shape"));
            for (int i = 0; i < points.items().size(); i++) {
                Section p = Section.of(points.items().get(i), r.path("shape") + "[" + i + "]",
                        List.of("utilization", "score"));
                shape.add(new ScoringStrategy.ShapePoint(
                        (int) Values.integer(p.require("utilization", "utilization (0..100)"), p.path("utilization"), 0, 100),
                        (int) Values.integer(p.require("score", "score (0..10)"), p.path("score"), 0, 10)));
            }
        }
        try {
            return new ScoringStrategy(type, resources, shape);
        } catch (IllegalArgumentException e) {
            throw args.get("scoringStrategy").loc().error(args.path("scoringStrategy"), e.getMessage());
        }
    }

    /**
     * ValidateNodeAffinityArgs: the required terms and the preferred terms must all parse
     * (nodeaffinity.NewNodeSelector / NewPreferredSchedulingTerms, strict, unlike a pod's own terms).
     */
    private static NodeAffinity addedAffinity(YNode n, String path) {
        NodeAffinity a = ManifestReader.read(n, NodeAffinity.class, path);
        Symbols scratch = new Symbols();
        if (a.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
            String p = path + ".requiredDuringSchedulingIgnoredDuringExecution";
            List<String> errors = NodeSelectorTerms.of(orEmpty(a.getRequiredDuringSchedulingIgnoredDuringExecution()
                    .getNodeSelectorTerms()), scratch).parseErrors();
            if (!errors.isEmpty()) {
                throw child(n, "requiredDuringSchedulingIgnoredDuringExecution").loc().error(p,
                        "nodeSelectorTerms" + errors.get(0));
            }
        }
        List<PreferredSchedulingTerm> preferred = orEmpty(a.getPreferredDuringSchedulingIgnoredDuringExecution());
        for (int i = 0; i < preferred.size(); i++) {
            PreferredSchedulingTerm t = preferred.get(i);
            if (t.getWeight() == null || t.getWeight() == 0 || t.getPreference() == null) {
                continue;
            }
            List<String> errors = NodeSelectorTerms.of(List.of(t.getPreference()), scratch).parseErrors();
            if (!errors.isEmpty()) {
                YNode list = child(n, "preferredDuringSchedulingIgnoredDuringExecution");
                YNode at = list instanceof YList l && i < l.items().size() ? l.items().get(i) : list;
                throw at.loc().error(path + ".preferredDuringSchedulingIgnoredDuringExecution[" + i + "]",
                        errors.get(0).replaceFirst("^\\[0]", "preference"));
            }
        }
        return a;
    }

    private static YNode child(YNode n, String key) {
        YNode c = n instanceof YNode.YMap m ? m.get(key) : null;
        return c != null ? c : n;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Whether the system default constraints apply (defaultingType System). */
    private static boolean spread(Section args) {
        String type = args.has("defaultingType") ? Values.string(args.get("defaultingType"),
                args.path("defaultingType")) : "System";
        if (!List.of("System", "List").contains(type)) {
            throw args.get("defaultingType").loc().error(args.path("defaultingType"),
                    "expected System or List, got \"" + type + "\"");
        }
        if (args.has("defaultConstraints")
                && !Values.list(args.get("defaultConstraints"), args.path("defaultConstraints")).items().isEmpty()) {
            throw args.get("defaultConstraints").loc().error(args.path("defaultConstraints"), "custom default "
                    + "constraints are not modelled; use defaultingType System or List with no constraints");
        }
        return "System".equals(type);
    }

    private static List<ResourceSpec> resources(YNode n, String path) {
        YList list = Values.list(n, path);
        List<ResourceSpec> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Section r = Section.of(list.items().get(i), path + "[" + i + "]", List.of("name", "weight"));
            long weight = r.has("weight") ? Values.integer(r.get("weight"), r.path("weight"), 1, 100) : 1;
            out.add(new ResourceSpec(Values.string(r.require("name", "name (a resource)"), r.path("name")),
                    (int) weight));
        }
        if (out.isEmpty()) {
            throw n.loc().error(path, "needs at least one resource");
        }
        return out;
    }

    private static List<String> with(String... keys) {
        List<String> out = new ArrayList<>(List.of(keys));
        out.add("apiVersion");
        out.add("kind");
        return out;
    }
}
