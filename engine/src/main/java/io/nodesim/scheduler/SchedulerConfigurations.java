package io.nodesim.scheduler;

import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.VersionProfile;
import io.nodesim.scenario.VersionProfiles.Rule;
import io.nodesim.scenario.parse.Loc;
import io.nodesim.scenario.parse.Section;
import io.nodesim.scenario.parse.Values;
import io.nodesim.scenario.parse.YNode;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import java.util.List;

/**
 * Compiles a scenario's {@code kubeScheduler} section, the body of a KubeSchedulerConfiguration
 * ({@code staging/src/k8s.io/kube-scheduler/config/v1/types.go}, one profile), into a
 * {@link SchedulerConfiguration} at load time, so that every command sees the same result. Every
 * bad value is a {@link io.nodesim.scenario.ScenarioException} at its FILE:LINE:COLUMN with its
 * path below {@code spec} and what is allowed.
 */
public final class SchedulerConfigurations {
    static final String PATH = "kubeScheduler";
    static final List<String> FIELDS = List.of("apiVersion", "kind", "parallelism", "leaderElection",
            "clientConnection", "healthzBindAddress", "metricsBindAddress", "enableProfiling",
            "enableContentionProfiling", "percentageOfNodesToScore", "podInitialBackoffSeconds",
            "podMaxBackoffSeconds", "profiles", "extenders", "delayCacheUntilActive");
    static final List<String> PROFILE_FIELDS = List.of("schedulerName", "percentageOfNodesToScore", "plugins",
            "pluginConfig");
    /** The config API versions whose fields nodesim reads alike (v1beta1/2 also held no other field it models). */
    static final List<String> API_VERSIONS = List.of("kubescheduler.config.k8s.io/v1",
            "kubescheduler.config.k8s.io/v1beta3", "kubescheduler.config.k8s.io/v1beta2",
            "kubescheduler.config.k8s.io/v1beta1");
    private static final YMap ABSENT = new YMap(Loc.file("(defaults)", 0, 0));

    private SchedulerConfigurations() {
    }

    /** The version's default profile. */
    public static SchedulerConfiguration defaults(KubernetesVersion version, VersionProfile profile) {
        return compile(ABSENT, version, profile);
    }

    /** @param kubeScheduler the section's mapping (an empty one when the scenario has none) */
    public static SchedulerConfiguration compile(YNode kubeScheduler, KubernetesVersion version,
            VersionProfile profile) {
        Section s = Section.of(kubeScheduler, PATH, FIELDS);
        oneOf(s, "apiVersion", API_VERSIONS);
        oneOf(s, "kind", List.of("KubeSchedulerConfiguration"));
        if (s.has("extenders") && !Values.list(s.get("extenders"), s.path("extenders")).items().isEmpty()) {
            throw s.get("extenders").loc().error(s.path("extenders"), "scheduler extenders are not modelled");
        }
        int percentage = percentage(s, 0);
        long initial = backoffSeconds(s, "podInitialBackoffSeconds", 1);
        long max = backoffSeconds(s, "podMaxBackoffSeconds", 10);
        if (max < initial) {
            YNode at = s.has("podMaxBackoffSeconds") ? s.get("podMaxBackoffSeconds") : s.get("podInitialBackoffSeconds");
            throw at.loc().error(s.path("podMaxBackoffSeconds"), "must be >= podInitialBackoffSeconds ("
                    + initial + "), got " + max);
        }
        PluginSets plugins = PluginSets.defaults(version);
        PluginArgs args = new PluginArgs();
        if (s.has("profiles")) {
            YList profiles = Values.list(s.get("profiles"), s.path("profiles"));
            if (profiles.items().size() > 1) {
                throw profiles.items().get(1).loc().error(s.path("profiles") + "[1]",
                        "nodesim models one scheduler profile, got " + profiles.items().size());
            }
            if (profiles.items().size() == 1) {
                Section p = Section.of(profiles.items().get(0), s.path("profiles") + "[0]", PROFILE_FIELDS);
                if (p.has("schedulerName")) {
                    Values.string(p.get("schedulerName"), p.path("schedulerName"));
                }
                percentage = percentage(p, percentage);
                if (p.has("plugins")) {
                    plugins.apply(p.get("plugins"), p.path("plugins"));
                }
                if (p.has("pluginConfig")) {
                    args.read(p.get("pluginConfig"), p.path("pluginConfig"));
                }
            }
        }
        return new SchedulerConfiguration(percentage, plugins.filters(), plugins.scores(), args.fit(),
                args.balancedResources(), args.spreadSystemDefaulting(), args.hardPodAffinityWeight(),
                profile.balancedAllocationSkipsBestEffort(), profile.balancedAllocationDelta(), Rule.POP_FROM_BACKOFF_Q.appliesTo(version),
                SimTime.seconds(initial), SimTime.seconds(max), !Rule.TAINT_NOT_IN_FILTER_REASON.appliesTo(version),
                Rule.SIDECAR_HOST_PORTS.appliesTo(version), args.addedAffinity(),
                plugins.preempts() ? args.preemption() : null);
    }

    private static int percentage(Section s, int dflt) {
        return s.has("percentageOfNodesToScore")
                ? (int) Values.integer(s.get("percentageOfNodesToScore"), s.path("percentageOfNodesToScore"), 0, 100)
                : dflt;
    }

    private static long backoffSeconds(Section s, String key, long dflt) {
        return s.has(key) ? Values.integer(s.get(key), s.path(key), 1, 3600) : dflt;
    }

    private static void oneOf(Section s, String key, List<String> allowed) {
        if (!s.has(key)) {
            return;
        }
        String v = Values.string(s.get(key), s.path(key));
        if (!allowed.contains(v)) {
            throw s.get(key).loc().error(s.path(key), "expected " + String.join(" or ", allowed) + ", got \"" + v + "\"");
        }
    }
}
