package io.nodesim.scenario;

import io.nodesim.kernel.SimTime;

/**
 * The cloud-controller-manager flags that matter here: {@code --node-monitor-period}, how often its
 * cloud node lifecycle controller checks the NotReady nodes against the cloud (5 s by default,
 * {@code k8s.io/cloud-provider} {@code KubeCloudSharedConfiguration}). Microseconds.
 */
public record CloudControllerManagerConfig(long nodeMonitorPeriod) {
    public static final long DEFAULT_NODE_MONITOR_PERIOD = 5 * SimTime.SECOND;
    public static final CloudControllerManagerConfig DEFAULTS = new CloudControllerManagerConfig(DEFAULT_NODE_MONITOR_PERIOD);

    public CloudControllerManagerConfig {
        if (nodeMonitorPeriod <= 0) {
            throw new IllegalArgumentException("node-monitor-period must be > 0");
        }
    }
}
