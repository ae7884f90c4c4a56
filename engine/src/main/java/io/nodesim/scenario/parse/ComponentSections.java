package io.nodesim.scenario.parse;

import io.nodesim.scenario.ApiServerConfig;
import io.nodesim.scenario.ControllerManagerConfig;
import io.nodesim.scenario.KubeletConfig;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.SettingOrigin;
import io.nodesim.scenario.VersionProfiles;
import java.util.List;

/**
 * The component sections of {@code spec}: {@code kubelet} (KubeletConfiguration field names),
 * {@code kubeControllerManager} (kube-controller-manager flag names) and {@code kubeApiServer}
 * (kube-apiserver flag names), resolved against the version profile.
 */
public final class ComponentSections {
    static final List<String> KUBELET_FIELDS = List.of(
            "nodeStatusUpdateFrequency", "nodeStatusReportFrequency", "nodeLeaseDurationSeconds");
    static final List<String> KCM_FLAGS = List.of(
            "node-monitor-period", "node-monitor-grace-period", "node-startup-grace-period", "node-eviction-rate",
            "secondary-node-eviction-rate", "large-cluster-size-threshold", "unhealthy-zone-threshold",
            "enable-taint-manager", "pod-eviction-timeout");
    static final List<String> APISERVER_FLAGS = List.of(
            "default-not-ready-toleration-seconds", "default-unreachable-toleration-seconds");

    private static final Origins.Reader<Long> POSITIVE_DURATION = (n, p) -> {
        long v = Values.duration(n, p);
        if (v <= 0) {
            throw n.loc().error(p, "must be greater than 0");
        }
        return v;
    };
    private static final Origins.Reader<Long> DURATION = Values::duration;
    private static final Origins.Reader<Double> RATE = (n, p) -> Values.number(n, p, 0, Double.MAX_VALUE);

    private ComponentSections() {
    }

    public static KubeletConfig kubelet(YNode node, KubernetesVersion version, VersionProfiles.Row row, Origins o) {
        Section s = Section.of(node, "kubelet", KUBELET_FIELDS);
        if (row.defaults().nodeStatusReportFrequency() == 0 && version.minor() < 13 && s.has("nodeStatusReportFrequency")) {
            throw s.get("nodeStatusReportFrequency").loc().error(s.path("nodeStatusReportFrequency"),
                    "the kubelet has no nodeStatusReportFrequency before 1.13 (it posts every status it computes); "
                            + "remove it or pick kubernetesVersion >= 1.13");
        }
        long update = o.resolve(s, "nodeStatusUpdateFrequency", POSITIVE_DURATION,
                VersionProfiles.NODE_STATUS_UPDATE_FREQUENCY, o.profile());
        long reportDefault;
        SettingOrigin reportOrigin;
        if (row.defaults().nodeStatusReportFrequency() == 0) {
            reportDefault = update;
            reportOrigin = new SettingOrigin("profile", row.profile().name()
                    + " (no NodeLease: every status is posted, so it equals nodeStatusUpdateFrequency)");
        } else if (s.has("nodeStatusUpdateFrequency")) {
            // kubelet v1beta1 defaults.go: "For backward compatibility, NodeStatusReportFrequency's default
            // value is set to NodeStatusUpdateFrequency if NodeStatusUpdateFrequency is set explicitly."
            reportDefault = update;
            reportOrigin = new SettingOrigin("default", "equals nodeStatusUpdateFrequency, which is set explicitly");
        } else {
            reportDefault = row.defaults().nodeStatusReportFrequency();
            reportOrigin = o.profile();
        }
        long report = o.resolve(s, "nodeStatusReportFrequency", POSITIVE_DURATION, reportDefault, reportOrigin);
        int lease = o.resolve(s, "nodeLeaseDurationSeconds",
                (n, p) -> (int) Values.integer(n, p, 1, Integer.MAX_VALUE),
                VersionProfiles.NODE_LEASE_DURATION_SECONDS, o.profile());
        return new KubeletConfig(update, report, lease);
    }

    public static ControllerManagerConfig controllerManager(YNode node, KubernetesVersion version,
            VersionProfiles.Row row, Origins o) {
        Section s = Section.of(node, "kubeControllerManager", KCM_FLAGS);
        if (!row.profile().taintManagerFlag()) {
            for (String removed : List.of("enable-taint-manager", "pod-eviction-timeout")) {
                if (s.has(removed)) {
                    throw s.get(removed).loc().error(s.path(removed), "--" + removed
                            + " was removed in Kubernetes 1." + VersionProfiles.LEGACY_FLAGS_REMOVED
                            + " (PR #115840) and this scenario is " + version
                            + "; remove it, or set kubernetesVersion below 1." + VersionProfiles.LEGACY_FLAGS_REMOVED);
                }
            }
        }
        SettingOrigin p = o.profile();
        long period = o.resolve(s, "node-monitor-period", POSITIVE_DURATION, VersionProfiles.NODE_MONITOR_PERIOD, p);
        long grace = o.resolve(s, "node-monitor-grace-period", POSITIVE_DURATION,
                row.defaults().nodeMonitorGracePeriod(), p);
        long startup = o.resolve(s, "node-startup-grace-period", POSITIVE_DURATION,
                VersionProfiles.NODE_STARTUP_GRACE_PERIOD, p);
        double rate = o.resolve(s, "node-eviction-rate", RATE, VersionProfiles.NODE_EVICTION_RATE, p);
        double secondary = o.resolve(s, "secondary-node-eviction-rate", RATE,
                VersionProfiles.SECONDARY_NODE_EVICTION_RATE, p);
        int large = o.resolve(s, "large-cluster-size-threshold",
                (n, q) -> (int) Values.integer(n, q, 0, Integer.MAX_VALUE), VersionProfiles.LARGE_CLUSTER_SIZE_THRESHOLD, p);
        double unhealthy = o.resolve(s, "unhealthy-zone-threshold", (n, q) -> Values.number(n, q, 0, 1),
                VersionProfiles.UNHEALTHY_ZONE_THRESHOLD, p);
        boolean taintManager;
        long podEviction;
        if (row.profile().taintManagerFlag()) {
            taintManager = o.resolve(s, "enable-taint-manager", Values::bool, row.defaults().enableTaintManager(), p);
            podEviction = o.resolve(s, "pod-eviction-timeout", DURATION, VersionProfiles.POD_EVICTION_TIMEOUT, p);
        } else {
            taintManager = true;
            podEviction = VersionProfiles.POD_EVICTION_TIMEOUT;
            o.put(s.path("enable-taint-manager"), new SettingOrigin("profile", row.profile().name()
                    + " (flag removed in 1.27: taint-based eviction only)"));
            o.put(s.path("pod-eviction-timeout"), new SettingOrigin("profile", row.profile().name()
                    + " (flag removed in 1.27: unused)"));
        }
        return new ControllerManagerConfig(period, grace, startup, rate, secondary, large, unhealthy, taintManager,
                podEviction);
    }

    public static ApiServerConfig apiServer(YNode node, Origins o) {
        Section s = Section.of(node, "kubeApiServer", APISERVER_FLAGS);
        Origins.Reader<Long> seconds = (n, p) -> Values.integer(n, p, 0, Integer.MAX_VALUE);
        long notReady = o.resolve(s, "default-not-ready-toleration-seconds", seconds,
                VersionProfiles.DEFAULT_TOLERATION_SECONDS, o.profile());
        long unreachable = o.resolve(s, "default-unreachable-toleration-seconds", seconds,
                VersionProfiles.DEFAULT_TOLERATION_SECONDS, o.profile());
        return new ApiServerConfig(notReady, unreachable);
    }
}
