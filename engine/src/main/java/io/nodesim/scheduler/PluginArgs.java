package io.nodesim.scheduler;

import io.nodesim.scheduler.plugins.ResourceSpec;
import io.nodesim.scheduler.plugins.ScoringStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pluginConfig args nodesim models (kubernetes pkg/scheduler/apis/config/v1 types_pluginargs.go). */
final class PluginArgs {
    private static final Set<String> META = Set.of("apiVersion", "kind");

    private PluginArgs() {
    }

    static ScoringStrategy fit(SchedulerConfigurations.Ctx ctx, Map<String, Object> args, String path) {
        ctx.allowOnly(args, with("scoringStrategy"), path);
        if (args.get("scoringStrategy") == null) {
            return ScoringStrategy.DEFAULT;
        }
        String sp = path + ".scoringStrategy";
        Map<String, Object> s = ctx.map(args.get("scoringStrategy"), sp);
        ctx.allowOnly(s, Set.of("type", "resources", "requestedToCapacityRatio"), sp);
        String type = s.get("type") == null ? "LeastAllocated" : ctx.string(s.get("type"), sp + ".type");
        List<ResourceSpec> resources = s.get("resources") == null ? ResourceSpec.CPU_MEMORY
                : resources(ctx, s.get("resources"), sp + ".resources");
        List<ScoringStrategy.ShapePoint> shape = new ArrayList<>();
        if (s.get("requestedToCapacityRatio") != null) {
            String rp = sp + ".requestedToCapacityRatio";
            Map<String, Object> r = ctx.map(s.get("requestedToCapacityRatio"), rp);
            ctx.allowOnly(r, Set.of("shape"), rp);
            List<?> points = ctx.list(r.get("shape"), rp + ".shape");
            for (int i = 0; i < points.size(); i++) {
                String pp = rp + ".shape[" + i + "]";
                Map<String, Object> p = ctx.map(points.get(i), pp);
                ctx.allowOnly(p, Set.of("utilization", "score"), pp);
                shape.add(new ScoringStrategy.ShapePoint(ctx.intIn(p, "utilization", pp, 0, 100, 0),
                        ctx.intIn(p, "score", pp, 0, 10, 0)));
            }
        }
        try {
            return new ScoringStrategy(type, resources, shape);
        } catch (IllegalArgumentException e) {
            throw ctx.error(sp, e.getMessage());
        }
    }

    static List<ResourceSpec> balanced(SchedulerConfigurations.Ctx ctx, Map<String, Object> args, String path) {
        ctx.allowOnly(args, with("resources"), path);
        return args.get("resources") == null ? ResourceSpec.CPU_MEMORY
                : resources(ctx, args.get("resources"), path + ".resources");
    }

    /** Returns whether the system default constraints apply (defaultingType System). */
    static boolean spread(SchedulerConfigurations.Ctx ctx, Map<String, Object> args, String path) {
        ctx.allowOnly(args, with("defaultingType", "defaultConstraints"), path);
        String type = args.get("defaultingType") == null ? "System"
                : ctx.string(args.get("defaultingType"), path + ".defaultingType");
        if (!Set.of("System", "List").contains(type)) {
            throw ctx.error(path + ".defaultingType", "must be System or List, got \"" + type + "\"");
        }
        if (args.get("defaultConstraints") instanceof List<?> l && !l.isEmpty()) {
            throw ctx.error(path + ".defaultConstraints", "custom default constraints are not modelled; "
                    + "use defaultingType System or List with no constraints");
        }
        return "System".equals(type);
    }

    static long interPodAffinity(SchedulerConfigurations.Ctx ctx, Map<String, Object> args, String path) {
        ctx.allowOnly(args, with("hardPodAffinityWeight", "ignorePreferredTermsOfExistingPods"), path);
        if (Boolean.TRUE.equals(args.get("ignorePreferredTermsOfExistingPods"))) {
            throw ctx.error(path + ".ignorePreferredTermsOfExistingPods", "is not modelled");
        }
        return ctx.intIn(args, "hardPodAffinityWeight", path, 0, 100, 1);
    }

    private static List<ResourceSpec> resources(SchedulerConfigurations.Ctx ctx, Object o, String path) {
        List<?> list = ctx.list(o, path);
        List<ResourceSpec> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String ip = path + "[" + i + "]";
            Map<String, Object> r = ctx.map(list.get(i), ip);
            ctx.allowOnly(r, Set.of("name", "weight"), ip);
            out.add(new ResourceSpec(ctx.string(r.get("name"), ip + ".name"), ctx.intIn(r, "weight", ip, 1, 100, 1)));
        }
        if (out.isEmpty()) {
            throw ctx.error(path, "needs at least one resource");
        }
        return out;
    }

    private static Set<String> with(String... keys) {
        Set<String> s = new java.util.HashSet<>(META);
        s.addAll(List.of(keys));
        return s;
    }
}
