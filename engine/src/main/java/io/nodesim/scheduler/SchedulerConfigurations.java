package io.nodesim.scheduler;

import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.VersionProfile;
import io.nodesim.scenario.VersionProfiles.Rule;
import io.nodesim.scheduler.SchedulerConfiguration.WeightedPlugin;
import io.nodesim.scheduler.plugins.PluginRegistry;
import io.nodesim.scheduler.plugins.ResourceSpec;
import io.nodesim.scheduler.plugins.ScoringStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Default plugins per version (kubernetes pkg/scheduler/apis/config/v1/default_plugins.go and the
 * v1beta1..3 history) and the compilation of a scenario's {@code kubeScheduler} section
 * (KubeSchedulerConfiguration, one profile) into a {@link SchedulerConfiguration}. Bad input is a
 * {@link ScenarioException} naming the path below {@code spec}.
 */
public final class SchedulerConfigurations {
    static final List<String> FILTERS = List.of("NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity",
            "NodePorts", "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity");
    static final List<String> SCORES = List.of("TaintToleration", "NodeAffinity", "NodeResourcesFit",
            "PodTopologySpread", "InterPodAffinity", "NodeResourcesBalancedAllocation", "ImageLocality");
    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "parallelism", "leaderElection",
            "clientConnection", "healthzBindAddress", "metricsBindAddress", "enableProfiling",
            "enableContentionProfiling", "podInitialBackoffSeconds", "podMaxBackoffSeconds",
            "percentageOfNodesToScore", "profiles", "extenders", "delayCacheUntilActive");
    private static final Set<String> EXTENSION_POINTS = Set.of("multiPoint", "preEnqueue", "queueSort", "preFilter",
            "filter", "postFilter", "preScore", "score", "reserve", "permit", "preBind", "bind", "postBind");

    private SchedulerConfigurations() {
    }

    /** The default score weights of a version: v1beta3 (1.23) raised TaintToleration, NodeAffinity, InterPodAffinity. */
    public static List<WeightedPlugin> defaultScores(KubernetesVersion version) {
        boolean v1beta3 = Rule.SCHEDULER_V1BETA3_WEIGHTS.appliesTo(version);
        List<WeightedPlugin> out = new ArrayList<>();
        for (String name : SCORES) {
            int w = switch (name) {
                case "TaintToleration" -> v1beta3 ? 3 : 1;
                case "NodeAffinity", "InterPodAffinity" -> v1beta3 ? 2 : 1;
                case "PodTopologySpread" -> 2;
                default -> 1;
            };
            out.add(new WeightedPlugin(name, w));
        }
        return out;
    }

    public static SchedulerConfiguration defaults(KubernetesVersion version, VersionProfile profile) {
        return compile(Map.of(), version, profile, null);
    }

    public static SchedulerConfiguration compile(Map<String, Object> body, KubernetesVersion version,
            VersionProfile profile, String file) {
        Ctx ctx = new Ctx(file);
        ctx.allowOnly(body, TOP_LEVEL, "kubeScheduler");
        if (body.get("extenders") instanceof List<?> l && !l.isEmpty()) {
            throw ctx.error("kubeScheduler.extenders", "scheduler extenders are not modelled");
        }
        int percentage = ctx.intIn(body, "percentageOfNodesToScore", "kubeScheduler", 0, 100, 0);
        long initial = SimTime.seconds(ctx.intIn(body, "podInitialBackoffSeconds", "kubeScheduler", 1, 3600, 1));
        long max = SimTime.seconds(ctx.intIn(body, "podMaxBackoffSeconds", "kubeScheduler", 1, 3600, 10));
        if (max < initial) {
            throw ctx.error("kubeScheduler.podMaxBackoffSeconds", "must be >= podInitialBackoffSeconds");
        }
        List<String> filters = new ArrayList<>(FILTERS);
        List<WeightedPlugin> scores = new ArrayList<>(defaultScores(version));
        ScoringStrategy fit = ScoringStrategy.DEFAULT;
        List<ResourceSpec> balanced = ResourceSpec.CPU_MEMORY;
        boolean systemDefaulting = true;
        long hardWeight = 1;
        Object profilesObj = body.get("profiles");
        if (profilesObj != null) {
            List<?> profiles = ctx.list(profilesObj, "kubeScheduler.profiles");
            if (profiles.size() > 1) {
                throw ctx.error("kubeScheduler.profiles", "nodesim models one scheduler profile, got " + profiles.size());
            }
            if (profiles.size() == 1) {
                String path = "kubeScheduler.profiles[0]";
                Map<String, Object> p = ctx.map(profiles.get(0), path);
                ctx.allowOnly(p, Set.of("schedulerName", "percentageOfNodesToScore", "plugins", "pluginConfig"), path);
                if (p.containsKey("percentageOfNodesToScore")) {
                    percentage = ctx.intIn(p, "percentageOfNodesToScore", path, 0, 100, 0);
                }
                if (p.get("plugins") != null) {
                    plugins(ctx, ctx.map(p.get("plugins"), path + ".plugins"), path + ".plugins", filters, scores);
                }
                if (p.get("pluginConfig") != null) {
                    List<?> configs = ctx.list(p.get("pluginConfig"), path + ".pluginConfig");
                    for (int i = 0; i < configs.size(); i++) {
                        String cp = path + ".pluginConfig[" + i + "]";
                        Map<String, Object> c = ctx.map(configs.get(i), cp);
                        ctx.allowOnly(c, Set.of("name", "args"), cp);
                        String name = ctx.pluginName(c.get("name"), cp + ".name");
                        Map<String, Object> args = c.get("args") == null ? Map.of() : ctx.map(c.get("args"), cp + ".args");
                        String ap = cp + ".args";
                        switch (name) {
                            case "NodeResourcesFit" -> fit = PluginArgs.fit(ctx, args, ap);
                            case "NodeResourcesBalancedAllocation" -> balanced = PluginArgs.balanced(ctx, args, ap);
                            case "PodTopologySpread" -> systemDefaulting = PluginArgs.spread(ctx, args, ap);
                            case "InterPodAffinity" -> hardWeight = PluginArgs.interPodAffinity(ctx, args, ap);
                            default -> ctx.allowOnly(args, Set.of("apiVersion", "kind"), ap);
                        }
                    }
                }
            }
        }
        return new SchedulerConfiguration(percentage, filters, scores, fit, balanced, systemDefaulting, hardWeight,
                profile.balancedAllocationSkipsBestEffort(), profile.balancedAllocationDelta(),
                Rule.POP_FROM_BACKOFF_Q.appliesTo(version), initial, max, !Rule.TAINT_NOT_IN_FILTER_REASON.appliesTo(version));
    }

    private static void plugins(Ctx ctx, Map<String, Object> plugins, String path, List<String> filters,
            List<WeightedPlugin> scores) {
        for (String point : plugins.keySet()) {
            if (!EXTENSION_POINTS.contains(point)) {
                throw ctx.error(path + "." + point, "unknown extension point" + ctx.didYouMean(point, EXTENSION_POINTS));
            }
        }
        // multiPoint first, then the specific points, which take precedence (framework.expandMultiPointPlugins)
        for (String point : List.of("multiPoint", "filter", "score")) {
            if (plugins.get(point) == null) {
                continue;
            }
            String pp = path + "." + point;
            Map<String, Object> set = ctx.map(plugins.get(point), pp);
            ctx.allowOnly(set, Set.of("enabled", "disabled"), pp);
            boolean doFilter = !"score".equals(point);
            boolean doScore = !"filter".equals(point);
            if (set.get("disabled") != null) {
                List<?> disabled = ctx.list(set.get("disabled"), pp + ".disabled");
                for (int i = 0; i < disabled.size(); i++) {
                    String ip = pp + ".disabled[" + i + "]";
                    Map<String, Object> d = ctx.map(disabled.get(i), ip);
                    Object n = d.get("name");
                    if ("*".equals(n)) {
                        if (doFilter) {
                            filters.clear();
                        }
                        if (doScore) {
                            scores.clear();
                        }
                        continue;
                    }
                    String name = ctx.pluginName(n, ip + ".name");
                    if (doFilter) {
                        filters.remove(name);
                    }
                    if (doScore) {
                        scores.removeIf(w -> w.name().equals(name));
                    }
                }
            }
            if (set.get("enabled") != null) {
                List<?> enabled = ctx.list(set.get("enabled"), pp + ".enabled");
                for (int i = 0; i < enabled.size(); i++) {
                    String ip = pp + ".enabled[" + i + "]";
                    Map<String, Object> e = ctx.map(enabled.get(i), ip);
                    ctx.allowOnly(e, Set.of("name", "weight"), ip);
                    String name = ctx.pluginName(e.get("name"), ip + ".name");
                    int weight = ctx.intIn(e, "weight", ip, 0, 100, 0);
                    boolean isFilter = FILTERS.contains(name);
                    boolean isScore = SCORES.contains(name);
                    if (PluginRegistry.isModelled(name) && ((!doScore && !isFilter) || (!doFilter && !isScore))) {
                        throw ctx.error(ip + ".name", name + " is not a " + point + " plugin");
                    }
                    if (doFilter && isFilter && !filters.contains(name)) {
                        filters.add(name);
                    }
                    if (doScore && isScore) {
                        enableScore(scores, name, weight);
                    }
                }
            }
        }
    }

    private static void enableScore(List<WeightedPlugin> scores, String name, int weight) {
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).name().equals(name)) {
                scores.set(i, new WeightedPlugin(name, weight == 0 ? scores.get(i).weight() : weight));
                return;
            }
        }
        // the framework gives a score plugin configured without a weight the weight 1
        scores.add(new WeightedPlugin(name, weight == 0 ? 1 : weight));
    }

    /** Reading helpers that turn shape errors into ScenarioExceptions with a path. */
    static final class Ctx {
        private final String file;

        Ctx(String file) {
            this.file = file;
        }

        ScenarioException error(String path, String problem) {
            return new ScenarioException(file, 0, 0, path, problem);
        }

        void allowOnly(Map<String, Object> m, Set<String> allowed, String path) {
            for (String k : m.keySet()) {
                if (!allowed.contains(k)) {
                    throw error(path + "." + k, "unknown field" + didYouMean(k, allowed));
                }
            }
        }

        String didYouMean(String k, Set<String> allowed) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String a : allowed) {
                int d = distance(k.toLowerCase(), a.toLowerCase());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = a;
                }
            }
            return best != null && bestDistance <= Math.max(2, k.length() / 3) ? " (did you mean \"" + best + "\"?)"
                    : "; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Object o, String path) {
            if (o instanceof Map<?, ?> m) {
                return new LinkedHashMap<>((Map<String, Object>) m);
            }
            throw error(path, "expected a mapping, got " + describe(o));
        }

        List<?> list(Object o, String path) {
            if (o instanceof List<?> l) {
                return l;
            }
            throw error(path, "expected a list, got " + describe(o));
        }

        int intIn(Map<String, Object> m, String key, String path, int min, int max, int dflt) {
            Object o = m.get(key);
            if (o == null) {
                return dflt;
            }
            if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw error(path + "." + key, "expected an integer, got " + describe(o));
            }
            long v = n.longValue();
            if (v < min || v > max) {
                throw error(path + "." + key, "must be in " + min + ".." + max + ", got " + v);
            }
            return (int) v;
        }

        String string(Object o, String path) {
            if (o instanceof String s) {
                return s;
            }
            throw error(path, "expected a string, got " + describe(o));
        }

        String pluginName(Object o, String path) {
            String name = string(o, path);
            if (!PluginRegistry.isKnown(name)) {
                Set<String> all = new java.util.HashSet<>(PluginRegistry.names());
                all.addAll(PluginRegistry.INERT);
                throw error(path, "unknown plugin \"" + name + "\"" + didYouMean(name, all));
            }
            return name;
        }

        private static String describe(Object o) {
            return o == null ? "nothing" : o instanceof String s ? "\"" + s + "\"" : o.toString();
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
