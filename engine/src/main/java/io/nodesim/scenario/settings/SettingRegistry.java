package io.nodesim.scenario.settings;

import static io.nodesim.scenario.settings.SettingType.BOOLEAN;
import static io.nodesim.scenario.settings.SettingType.COUNT;
import static io.nodesim.scenario.settings.SettingType.DISTRIBUTION;
import static io.nodesim.scenario.settings.SettingType.DURATION;
import static io.nodesim.scenario.settings.SettingType.FRACTION;
import static io.nodesim.scenario.settings.SettingType.POSITIVE_DURATION;
import static io.nodesim.scenario.settings.SettingType.POSITIVE_SECONDS;
import static io.nodesim.scenario.settings.SettingType.RATE;
import static io.nodesim.scenario.settings.SettingType.SECONDS;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.VersionProfiles;
import io.nodesim.scenario.VersionProfiles.Row;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of the {@code kubelet}, {@code kubeControllerManager}, {@code kubeApiServer} and
 * {@code latencies} sections, in the order {@code explain} lists them. The names are the real
 * KubeletConfiguration fields and component flags; the defaults are the version profile's
 * ({@link VersionProfiles}) or, for latencies, nodesim's own (no Kubernetes source fixes them).
 */
public final class SettingRegistry {
    public static final String KUBELET = "kubelet";
    public static final String KCM = "kubeControllerManager";
    public static final String APISERVER = "kubeApiServer";
    public static final String LATENCIES = "latencies";
    public static final String CCM = "cloudControllerManager";

    public static final SettingSpec<Long> NODE_STATUS_UPDATE_FREQUENCY = profile(KUBELET, "nodeStatusUpdateFrequency",
            POSITIVE_DURATION, r -> VersionProfiles.NODE_STATUS_UPDATE_FREQUENCY,
            s -> s.kubelet().nodeStatusUpdateFrequency(), "status update frequency",
            "how often the kubelet computes the node status (and, without NodeLease, posts it)");
    /** Its default depends on whether the update frequency is written: ComponentSections applies that rule. */
    public static final SettingSpec<Long> NODE_STATUS_REPORT_FREQUENCY = profile(KUBELET, "nodeStatusReportFrequency",
            POSITIVE_DURATION, r -> r.defaults().nodeStatusReportFrequency(),
            s -> s.kubelet().nodeStatusReportFrequency(), "status report frequency",
            "how often the kubelet posts an unchanged node status (from 1.13)");
    public static final SettingSpec<Integer> NODE_LEASE_DURATION_SECONDS = profile(KUBELET, "nodeLeaseDurationSeconds",
            POSITIVE_SECONDS, r -> VersionProfiles.NODE_LEASE_DURATION_SECONDS,
            s -> s.kubelet().nodeLeaseDurationSeconds(), "lease duration",
            "the node Lease's duration; the kubelet renews it every quarter of it");

    public static final SettingSpec<Long> SHUTDOWN_GRACE_PERIOD = profile(KUBELET, "shutdownGracePeriod", DURATION,
            r -> 0L, s -> s.kubelet().shutdown().shutdownGracePeriod(), "shutdown grace",
            "how long a node shutdown is delayed for its pods to terminate (0: immediate; from 1.21)");
    public static final SettingSpec<Long> SHUTDOWN_GRACE_PERIOD_CRITICAL_PODS = profile(KUBELET,
            "shutdownGracePeriodCriticalPods", DURATION, r -> 0L,
            s -> s.kubelet().shutdown().shutdownGracePeriodCriticalPods(), "critical shutdown grace",
            "the part of shutdownGracePeriod kept for critical pods, which terminate last");
    /** A list of {priority, shutdownGracePeriodSeconds}: ComponentSections reads it, outside the scalar registry. */
    public static final String SHUTDOWN_GRACE_PERIOD_BY_POD_PRIORITY = "shutdownGracePeriodByPodPriority";

    public static final SettingSpec<Long> NODE_MONITOR_PERIOD = profile(KCM, "node-monitor-period", POSITIVE_DURATION,
            r -> VersionProfiles.NODE_MONITOR_PERIOD, s -> s.kubeControllerManager().nodeMonitorPeriod(),
            "monitor period", "how often the node lifecycle controller checks every node's heartbeats");
    public static final SettingSpec<Long> NODE_MONITOR_GRACE_PERIOD = profile(KCM, "node-monitor-grace-period",
            POSITIVE_DURATION, r -> r.defaults().nodeMonitorGracePeriod(),
            s -> s.kubeControllerManager().nodeMonitorGracePeriod(), "grace",
            "how long a node may go without a heartbeat before it is marked Unknown");
    public static final SettingSpec<Long> NODE_STARTUP_GRACE_PERIOD = profile(KCM, "node-startup-grace-period",
            POSITIVE_DURATION, r -> VersionProfiles.NODE_STARTUP_GRACE_PERIOD,
            s -> s.kubeControllerManager().nodeStartupGracePeriod(), "startup grace",
            "the grace period of a node that has never reported Ready");
    public static final SettingSpec<Double> NODE_EVICTION_RATE = profile(KCM, "node-eviction-rate", RATE,
            r -> VersionProfiles.NODE_EVICTION_RATE, s -> s.kubeControllerManager().nodeEvictionRate(),
            "eviction rate", "nodes tainted per second in a healthy zone");
    public static final SettingSpec<Double> SECONDARY_NODE_EVICTION_RATE = profile(KCM, "secondary-node-eviction-rate",
            RATE, r -> VersionProfiles.SECONDARY_NODE_EVICTION_RATE,
            s -> s.kubeControllerManager().secondaryNodeEvictionRate(), "secondary rate",
            "nodes tainted per second in a partially disrupted zone of a large cluster");
    public static final SettingSpec<Integer> LARGE_CLUSTER_SIZE_THRESHOLD = profile(KCM, "large-cluster-size-threshold",
            COUNT, r -> VersionProfiles.LARGE_CLUSTER_SIZE_THRESHOLD,
            s -> s.kubeControllerManager().largeClusterSizeThreshold(), "large-cluster threshold",
            "zones with more nodes than this use the secondary rate when partially disrupted, smaller ones stop");
    public static final SettingSpec<Double> UNHEALTHY_ZONE_THRESHOLD = profile(KCM, "unhealthy-zone-threshold",
            FRACTION, r -> VersionProfiles.UNHEALTHY_ZONE_THRESHOLD,
            s -> s.kubeControllerManager().unhealthyZoneThreshold(), "unhealthy-zone threshold",
            "the share of not-Ready nodes (at least 3) from which a zone is partially disrupted");
    public static final SettingSpec<Boolean> ENABLE_TAINT_MANAGER = profile(KCM, "enable-taint-manager", BOOLEAN,
            r -> r.defaults().enableTaintManager(), s -> s.kubeControllerManager().enableTaintManager(),
            "taint manager", "evict through NoExecute taints; false: the legacy pod-eviction-timeout path (before 1.27)");
    public static final SettingSpec<Long> POD_EVICTION_TIMEOUT = profile(KCM, "pod-eviction-timeout", DURATION,
            r -> VersionProfiles.POD_EVICTION_TIMEOUT, s -> s.kubeControllerManager().podEvictionTimeout(),
            "pod eviction timeout", "the legacy path's wait before deleting a lost node's pods (before 1.27)");
    public static final SettingSpec<Boolean> LEADER_ELECT = profile(KCM, "leader-elect", BOOLEAN,
            r -> true, s -> s.kubeControllerManager().leaderElect(), "leader election",
            "a (re)started instance runs its controllers only once it holds the kube-controller-manager Lease");
    public static final SettingSpec<Long> LEADER_ELECT_LEASE_DURATION = profile(KCM, "leader-elect-lease-duration",
            POSITIVE_DURATION, r -> VersionProfiles.LEADER_ELECT_LEASE_DURATION,
            s -> s.kubeControllerManager().leaderElectLeaseDuration(), "leader lease duration",
            "how long a candidate waits, from when it first sees the Lease unchanged, before taking it over");
    public static final SettingSpec<Long> LEADER_ELECT_RENEW_DEADLINE = profile(KCM, "leader-elect-renew-deadline",
            POSITIVE_DURATION, r -> VersionProfiles.LEADER_ELECT_RENEW_DEADLINE,
            s -> s.kubeControllerManager().leaderElectRenewDeadline(), "leader renew deadline",
            "how long the leader retries renewing before it gives up leading (must be < the lease duration)");
    public static final SettingSpec<Long> LEADER_ELECT_RETRY_PERIOD = profile(KCM, "leader-elect-retry-period",
            POSITIVE_DURATION, r -> VersionProfiles.LEADER_ELECT_RETRY_PERIOD,
            s -> s.kubeControllerManager().leaderElectRetryPeriod(), "leader retry period",
            "a candidate tries to acquire the Lease every retry period plus up to 120 % jitter");

    public static final SettingSpec<Double> KUBE_API_QPS = profile(KCM, "kube-api-qps", SettingType.REQUEST_RATE,
            r -> VersionProfiles.KUBE_API_QPS, s -> s.kubeControllerManager().kubeApiQps(), "client qps",
            "requests per second of each controller's API client once its burst is spent (client-go token bucket)");
    public static final SettingSpec<Integer> KUBE_API_BURST = profile(KCM, "kube-api-burst", SettingType.REQUEST_BURST,
            r -> VersionProfiles.KUBE_API_BURST, s -> s.kubeControllerManager().kubeApiBurst(), "client burst",
            "requests each controller's API client may send at once before kube-api-qps limits it");

    public static final SettingSpec<Long> DEFAULT_NOT_READY_TOLERATION_SECONDS = profile(APISERVER,
            "default-not-ready-toleration-seconds", SECONDS, r -> VersionProfiles.DEFAULT_TOLERATION_SECONDS,
            s -> s.kubeApiServer().defaultNotReadyTolerationSeconds(), "not-ready toleration",
            "the not-ready NoExecute toleration DefaultTolerationSeconds adds to every pod");
    public static final SettingSpec<Long> DEFAULT_UNREACHABLE_TOLERATION_SECONDS = profile(APISERVER,
            "default-unreachable-toleration-seconds", SECONDS, r -> VersionProfiles.DEFAULT_TOLERATION_SECONDS,
            s -> s.kubeApiServer().defaultUnreachableTolerationSeconds(), "unreachable toleration",
            "the unreachable NoExecute toleration DefaultTolerationSeconds adds to every pod");

    /* nodesim's latency defaults (spec §5): watch 10–100 ms; a monitor pass 20 ms (not zero, so the strict
       now > probe + grace test fires at the pass nearest the deadline); API writes 5 ms; a controller's sync
       10 ms; one scheduling cycle 2 ms. */
    private static final DurationDistribution API_WRITE = DurationDistribution.constant(5 * SimTime.MILLISECOND);
    public static final SettingSpec<DurationDistribution> WATCH = latency("watch",
            DurationDistribution.uniform(10 * SimTime.MILLISECOND, 100 * SimTime.MILLISECOND), s -> s.latencies().watch(), "informer delivery of a change");
    public static final SettingSpec<DurationDistribution> MONITOR_PASS = latency("monitorPass",
            DurationDistribution.constant(20 * SimTime.MILLISECOND), s -> s.latencies().monitorPass(), "one node-monitor pass");
    public static final SettingSpec<DurationDistribution> LEASE_RENEWAL = latency("leaseRenewal", API_WRITE,
            s -> s.latencies().leaseRenewal(), "the kubelet's Lease write");
    public static final SettingSpec<DurationDistribution> STATUS_UPDATE = latency("statusUpdate", API_WRITE,
            s -> s.latencies().statusUpdate(), "the kubelet's NodeStatus write");
    public static final SettingSpec<DurationDistribution> CONTROLLER = latency("controller",
            DurationDistribution.constant(10 * SimTime.MILLISECOND), s -> s.latencies().controller(), "a controller's sync of one change");
    public static final SettingSpec<DurationDistribution> SCHEDULING_CYCLE = latency("schedulingCycle",
            DurationDistribution.constant(2 * SimTime.MILLISECOND), s -> s.latencies().schedulingCycle(), "one scheduling cycle");
    public static final SettingSpec<DurationDistribution> BINDING = latency("binding", API_WRITE,
            s -> s.latencies().binding(), "the asynchronous bind of a scheduled pod");

    public static final SettingSpec<Long> CLOUD_NODE_MONITOR_PERIOD = profile(CCM, "node-monitor-period",
            POSITIVE_DURATION, r -> io.nodesim.scenario.CloudControllerManagerConfig.DEFAULT_NODE_MONITOR_PERIOD,
            s -> s.cloudControllerManager().nodeMonitorPeriod(), "cloud monitor period",
            "how often the cloud node lifecycle controller deletes NotReady nodes whose instance is gone");

    private static final List<SettingSpec<?>> ALL = List.of(
            NODE_STATUS_UPDATE_FREQUENCY, NODE_STATUS_REPORT_FREQUENCY, NODE_LEASE_DURATION_SECONDS,
            SHUTDOWN_GRACE_PERIOD, SHUTDOWN_GRACE_PERIOD_CRITICAL_PODS,
            NODE_MONITOR_PERIOD, NODE_MONITOR_GRACE_PERIOD, NODE_STARTUP_GRACE_PERIOD, NODE_EVICTION_RATE,
            SECONDARY_NODE_EVICTION_RATE, LARGE_CLUSTER_SIZE_THRESHOLD, UNHEALTHY_ZONE_THRESHOLD, ENABLE_TAINT_MANAGER,
            POD_EVICTION_TIMEOUT, LEADER_ELECT, LEADER_ELECT_LEASE_DURATION, LEADER_ELECT_RENEW_DEADLINE,
            LEADER_ELECT_RETRY_PERIOD, KUBE_API_QPS, KUBE_API_BURST, DEFAULT_NOT_READY_TOLERATION_SECONDS,
            DEFAULT_UNREACHABLE_TOLERATION_SECONDS, CLOUD_NODE_MONITOR_PERIOD,
            WATCH, MONITOR_PASS, LEASE_RENEWAL, STATUS_UPDATE, CONTROLLER, SCHEDULING_CYCLE, BINDING);

    private SettingRegistry() {
    }

    private static <T> SettingSpec<T> profile(String section, String key, SettingType<T> type, Function<Row, T> def,
            Function<Scenario, T> value, String label, String doc) {
        return new SettingSpec<>(section + "." + key, type, def, true, value, label, doc);
    }

    private static SettingSpec<DurationDistribution> latency(String key, DurationDistribution def,
            Function<Scenario, DurationDistribution> value, String doc) {
        return new SettingSpec<>(LATENCIES + "." + key, DISTRIBUTION, r -> def, false, value, key, doc);
    }

    /** Every setting, in {@code explain} order. */
    public static List<SettingSpec<?>> all() {
        return ALL;
    }

    /** The settings of one section, in order. */
    public static List<SettingSpec<?>> section(String section) {
        return ALL.stream().filter(s -> s.section().equals(section)).toList();
    }

    /** The field names a section accepts. */
    public static List<String> fields(String section) {
        return section(section).stream().map(SettingSpec::key).toList();
    }

    /** The setting at a path below {@code spec}. */
    public static Optional<SettingSpec<?>> find(String path) {
        return ALL.stream().filter(s -> s.path().equals(path)).findFirst();
    }

    /** Whether a section's fields are all registry settings (so a --set into it must name one). */
    public static boolean isSection(String section) {
        return ALL.stream().anyMatch(s -> s.section().equals(section));
    }
}
