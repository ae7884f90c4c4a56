package io.nodesim.scenario.parse;

import static io.nodesim.scenario.settings.SettingRegistry.APISERVER;
import static io.nodesim.scenario.settings.SettingRegistry.KCM;
import static io.nodesim.scenario.settings.SettingRegistry.KUBELET;

import io.nodesim.scenario.ApiServerConfig;
import io.nodesim.scenario.ControllerManagerConfig;
import io.nodesim.scenario.KubeletConfig;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.SettingOrigin;
import io.nodesim.scenario.VersionProfiles;
import io.nodesim.scenario.settings.SettingRegistry;
import io.nodesim.scenario.settings.SettingSpec;
import java.util.List;

/**
 * The component sections of {@code spec}: {@code kubelet} (KubeletConfiguration field names),
 * {@code kubeControllerManager} (kube-controller-manager flag names) and {@code kubeApiServer}
 * (kube-apiserver flag names), read as {@link SettingRegistry} declares them, with the version
 * rules that tie one setting to another or remove a flag.
 */
public final class ComponentSections {
    private ComponentSections() {
    }

    public static KubeletConfig kubelet(YNode node, KubernetesVersion version, VersionProfiles.Row row, Origins o) {
        List<String> fields = new java.util.ArrayList<>(SettingRegistry.fields(KUBELET));
        fields.add(SettingRegistry.SHUTDOWN_GRACE_PERIOD_BY_POD_PRIORITY);
        Section s = Section.of(node, KUBELET, fields);
        SettingSpec<Long> reportSetting = SettingRegistry.NODE_STATUS_REPORT_FREQUENCY;
        if (!row.has(VersionProfiles.Rule.REPORT_FREQUENCY_FIELD) && s.has(reportSetting.key())) {
            throw s.get(reportSetting.key()).loc().error(reportSetting.path(),
                    "the kubelet has no nodeStatusReportFrequency before 1.13 (it posts every status it computes); "
                            + "remove it or pick kubernetesVersion >= 1.13");
        }
        long update = o.resolve(s, SettingRegistry.NODE_STATUS_UPDATE_FREQUENCY, row, null);
        long reportDefault;
        SettingOrigin reportOrigin;
        if (row.defaults().nodeStatusReportFrequency() == 0) {
            reportDefault = update;
            reportOrigin = new SettingOrigin("profile", row.profile().name()
                    + " (no NodeLease: every status is posted, so it equals nodeStatusUpdateFrequency)");
        } else if (s.has(SettingRegistry.NODE_STATUS_UPDATE_FREQUENCY.key())) {
            // kubelet v1beta1 defaults.go: "For backward compatibility, NodeStatusReportFrequency's default
            // value is set to NodeStatusUpdateFrequency if NodeStatusUpdateFrequency is set explicitly."
            reportDefault = update;
            reportOrigin = new SettingOrigin("default", "equals nodeStatusUpdateFrequency, which is set explicitly");
        } else {
            reportDefault = reportSetting.defaultFor().apply(row);
            reportOrigin = o.profile();
        }
        long report = o.resolve(s, reportSetting, reportDefault, reportOrigin, null);
        int lease = o.resolve(s, SettingRegistry.NODE_LEASE_DURATION_SECONDS, row, null);
        return new KubeletConfig(update, report, lease, GracefulShutdownSection.read(s, version, row, o));
    }

    public static ControllerManagerConfig controllerManager(YNode node, KubernetesVersion version,
            VersionProfiles.Row row, Origins o) {
        Section s = Section.of(node, KCM, SettingRegistry.fields(KCM));
        List<SettingSpec<?>> legacy = List.of(SettingRegistry.ENABLE_TAINT_MANAGER, SettingRegistry.POD_EVICTION_TIMEOUT);
        if (!row.profile().taintManagerFlag()) {
            for (SettingSpec<?> removed : legacy) {
                if (s.has(removed.key())) {
                    throw s.get(removed.key()).loc().error(removed.path(), "--" + removed.key()
                            + " was removed in Kubernetes 1." + VersionProfiles.LEGACY_FLAGS_REMOVED
                            + " (PR #115840) and this scenario is " + version
                            + "; remove it, or set kubernetesVersion below 1." + VersionProfiles.LEGACY_FLAGS_REMOVED);
                }
            }
        }
        long period = o.resolve(s, SettingRegistry.NODE_MONITOR_PERIOD, row, null);
        long grace = o.resolve(s, SettingRegistry.NODE_MONITOR_GRACE_PERIOD, row, null);
        long startup = o.resolve(s, SettingRegistry.NODE_STARTUP_GRACE_PERIOD, row, null);
        double rate = o.resolve(s, SettingRegistry.NODE_EVICTION_RATE, row, null);
        double secondary = o.resolve(s, SettingRegistry.SECONDARY_NODE_EVICTION_RATE, row, null);
        int large = o.resolve(s, SettingRegistry.LARGE_CLUSTER_SIZE_THRESHOLD, row, null);
        double unhealthy = o.resolve(s, SettingRegistry.UNHEALTHY_ZONE_THRESHOLD, row, null);
        boolean taintManager;
        long podEviction;
        if (row.profile().taintManagerFlag()) {
            taintManager = o.resolve(s, SettingRegistry.ENABLE_TAINT_MANAGER, row, null);
            podEviction = o.resolve(s, SettingRegistry.POD_EVICTION_TIMEOUT, row, null);
        } else {
            taintManager = true;
            podEviction = SettingRegistry.POD_EVICTION_TIMEOUT.defaultFor().apply(row);
            o.put(SettingRegistry.ENABLE_TAINT_MANAGER.path(), new SettingOrigin("profile", row.profile().name()
                    + " (flag removed in 1.27: taint-based eviction only)"));
            o.put(SettingRegistry.POD_EVICTION_TIMEOUT.path(), new SettingOrigin("profile", row.profile().name()
                    + " (flag removed in 1.27: unused)"));
        }
        boolean leaderElect = o.resolve(s, SettingRegistry.LEADER_ELECT, row, null);
        long leaseDuration = o.resolve(s, SettingRegistry.LEADER_ELECT_LEASE_DURATION, row, null);
        long renewDeadline = o.resolve(s, SettingRegistry.LEADER_ELECT_RENEW_DEADLINE, row, null);
        long retryPeriod = o.resolve(s, SettingRegistry.LEADER_ELECT_RETRY_PERIOD, row, null);
        if (leaderElect) {
            checkLeaderElection(s, leaseDuration, renewDeadline, retryPeriod);
        }
        double qps = o.resolve(s, SettingRegistry.KUBE_API_QPS, row, null);
        int burst = o.resolve(s, SettingRegistry.KUBE_API_BURST, row, null);
        return new ControllerManagerConfig(period, grace, startup, rate, secondary, large, unhealthy, taintManager,
                podEviction, leaderElect, leaseDuration, renewDeadline, retryPeriod, qps, burst);
    }

    /** client-go's NewLeaderElector refuses these (kube-controller-manager would not start). */
    private static void checkLeaderElection(Section s, long leaseDuration, long renewDeadline, long retryPeriod) {
        if (leaseDuration <= renewDeadline) {
            SettingSpec<?> at = s.has(SettingRegistry.LEADER_ELECT_LEASE_DURATION.key())
                    ? SettingRegistry.LEADER_ELECT_LEASE_DURATION : SettingRegistry.LEADER_ELECT_RENEW_DEADLINE;
            throw s.get(at.key()).loc().error(at.path(),
                    "leader-elect-lease-duration must be greater than leader-elect-renew-deadline (client-go leaderelection)");
        }
        if (renewDeadline <= VersionProfiles.LEADER_ELECT_JITTER_FACTOR * retryPeriod) {
            SettingSpec<?> at = s.has(SettingRegistry.LEADER_ELECT_RENEW_DEADLINE.key())
                    ? SettingRegistry.LEADER_ELECT_RENEW_DEADLINE : SettingRegistry.LEADER_ELECT_RETRY_PERIOD;
            throw s.get(at.key()).loc().error(at.path(),
                    "leader-elect-renew-deadline must be greater than 1.2 × leader-elect-retry-period (client-go JitterFactor)");
        }
    }

    public static io.nodesim.scenario.CloudControllerManagerConfig cloudControllerManager(YNode node,
            VersionProfiles.Row row, Origins o) {
        Section s = Section.of(node, SettingRegistry.CCM, SettingRegistry.fields(SettingRegistry.CCM));
        return new io.nodesim.scenario.CloudControllerManagerConfig(
                o.resolve(s, SettingRegistry.CLOUD_NODE_MONITOR_PERIOD, row, null));
    }

    public static ApiServerConfig apiServer(YNode node, VersionProfiles.Row row, Origins o) {
        Section s = Section.of(node, APISERVER, SettingRegistry.fields(APISERVER));
        return new ApiServerConfig(o.resolve(s, SettingRegistry.DEFAULT_NOT_READY_TOLERATION_SECONDS, row, null),
                o.resolve(s, SettingRegistry.DEFAULT_UNREACHABLE_TOLERATION_SECONDS, row, null));
    }
}
