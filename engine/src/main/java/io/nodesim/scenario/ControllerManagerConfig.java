package io.nodesim.scenario;

/**
 * kube-controller-manager flags of the node lifecycle controller (real flag names in the scenario
 * file). Durations in microseconds, rates in nodes per second; {@code kubeApiQps} / {@code
 * kubeApiBurst} ({@code --kube-api-qps} / {@code --kube-api-burst}) limit each controller's client.
 */
public record ControllerManagerConfig(
        long nodeMonitorPeriod,
        long nodeMonitorGracePeriod,
        long nodeStartupGracePeriod,
        double nodeEvictionRate,
        double secondaryNodeEvictionRate,
        int largeClusterSizeThreshold,
        double unhealthyZoneThreshold,
        boolean enableTaintManager,
        long podEvictionTimeout,
        boolean leaderElect,
        long leaderElectLeaseDuration,
        long leaderElectRenewDeadline,
        long leaderElectRetryPeriod,
        double kubeApiQps,
        int kubeApiBurst) {

    /** With kube-controller-manager's leader election defaults (15 s / 10 s / 2 s, on). */
    public ControllerManagerConfig(long nodeMonitorPeriod, long nodeMonitorGracePeriod, long nodeStartupGracePeriod,
            double nodeEvictionRate, double secondaryNodeEvictionRate, int largeClusterSizeThreshold,
            double unhealthyZoneThreshold, boolean enableTaintManager, long podEvictionTimeout) {
        this(nodeMonitorPeriod, nodeMonitorGracePeriod, nodeStartupGracePeriod, nodeEvictionRate,
                secondaryNodeEvictionRate, largeClusterSizeThreshold, unhealthyZoneThreshold, enableTaintManager,
                podEvictionTimeout, true, VersionProfiles.LEADER_ELECT_LEASE_DURATION,
                VersionProfiles.LEADER_ELECT_RENEW_DEADLINE, VersionProfiles.LEADER_ELECT_RETRY_PERIOD);
    }

    /** With kube-controller-manager's client defaults (20 qps, burst 30). */
    public ControllerManagerConfig(long nodeMonitorPeriod, long nodeMonitorGracePeriod, long nodeStartupGracePeriod,
            double nodeEvictionRate, double secondaryNodeEvictionRate, int largeClusterSizeThreshold,
            double unhealthyZoneThreshold, boolean enableTaintManager, long podEvictionTimeout, boolean leaderElect,
            long leaderElectLeaseDuration, long leaderElectRenewDeadline, long leaderElectRetryPeriod) {
        this(nodeMonitorPeriod, nodeMonitorGracePeriod, nodeStartupGracePeriod, nodeEvictionRate,
                secondaryNodeEvictionRate, largeClusterSizeThreshold, unhealthyZoneThreshold, enableTaintManager,
                podEvictionTimeout, leaderElect, leaderElectLeaseDuration, leaderElectRenewDeadline,
                leaderElectRetryPeriod, VersionProfiles.KUBE_API_QPS, VersionProfiles.KUBE_API_BURST);
    }

    public ControllerManagerConfig {
        if (nodeMonitorPeriod <= 0) {
            throw new IllegalArgumentException("node-monitor-period must be > 0");
        }
        if (nodeMonitorGracePeriod <= 0 || nodeStartupGracePeriod <= 0) {
            throw new IllegalArgumentException("grace periods must be > 0");
        }
        if (nodeEvictionRate < 0 || secondaryNodeEvictionRate < 0) {
            throw new IllegalArgumentException("eviction rates must be >= 0");
        }
        if (largeClusterSizeThreshold < 0) {
            throw new IllegalArgumentException("large-cluster-size-threshold must be >= 0");
        }
        if (!(unhealthyZoneThreshold >= 0 && unhealthyZoneThreshold <= 1)) {
            throw new IllegalArgumentException("unhealthy-zone-threshold must be in [0, 1]");
        }
        if (podEvictionTimeout < 0) {
            throw new IllegalArgumentException("pod-eviction-timeout must be >= 0");
        }
        if (leaderElectLeaseDuration <= 0 || leaderElectRenewDeadline <= 0 || leaderElectRetryPeriod <= 0) {
            throw new IllegalArgumentException("leader election durations must be > 0");
        }
        if (!(kubeApiQps > 0) || kubeApiBurst < 1) {
            throw new IllegalArgumentException("kube-api-qps must be > 0 and kube-api-burst >= 1");
        }
    }
}
