package io.nodesim.scenario;

import io.nodesim.kernel.SimTime;

/**
 * How fast a pod's Ready change reaches the Service's clients: the EndpointSlice controller's
 * batch period (kube-controller-manager {@code --endpointslice-updates-batch-period}) and
 * kube-proxy's iptables {@code minSyncPeriod}. Durations in microseconds.
 *
 * @param endpointSliceUpdatesBatchPeriod the delay the EndpointSlice controller adds to a Service
 *     sync triggered by a pod change (0: none, the default)
 * @param kubeProxyMinSyncPeriod the least time between two kube-proxy rule syncs
 * @param kubeProxySyncBurst whether kube-proxy's sync runner allows two syncs in a burst (before 1.34)
 */
public record TrafficConfig(long endpointSliceUpdatesBatchPeriod, long kubeProxyMinSyncPeriod,
        boolean kubeProxySyncBurst) {
    /** kube-proxy's iptables minSyncPeriod from 1.19 (PR #92836); 0 before. */
    public static final long MIN_SYNC_PERIOD = SimTime.SECOND;

    public TrafficConfig {
        if (endpointSliceUpdatesBatchPeriod < 0 || kubeProxyMinSyncPeriod < 0) {
            throw new IllegalArgumentException("traffic periods must be >= 0");
        }
    }

    /** The version profile's defaults. */
    public static TrafficConfig of(VersionProfiles.Row row) {
        return new TrafficConfig(0, row.has(VersionProfiles.Rule.KUBE_PROXY_MIN_SYNC_1S) ? MIN_SYNC_PERIOD : 0,
                !row.has(VersionProfiles.Rule.KUBE_PROXY_RUNNER_NO_BURST));
    }
}
