package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ControlPlane;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.VersionProfiles;
import io.nodesim.scenario.VersionProfiles.Rule;
import java.util.Objects;

/**
 * The node lifecycle controller's settings (kube-controller-manager flags, microseconds and
 * nodes per second) and the version rule that is not a flag.
 *
 * @param taintBased taint-based eviction (the NoExecute queue); false is the legacy path
 *     ({@code --enable-taint-manager=false}, or the 1.12 default) that evicts pods itself
 * @param noExecuteInDetectingPass queue the NoExecute taint in the pass that marks the node
 *     Unknown (1.34+, PR #120816) instead of the next one
 * @param masterNamesExcluded nodes whose name marks them as masters are left out of the zone counts
 *     (before 1.21: {@link DisruptionExclusion#legacyIsMasterNode})
 * @param exclusionLabelHonoured {@code node.kubernetes.io/exclude-disruption} leaves a node out of the
 *     zone counts (1.19+)
 * @param monitorWorkers the monitor pass's {@code nodeUpdateWorkerSize} (8 from 1.27, 1 before)
 * @param retryMarkPodsNotReady a failed MarkPodsNotReady is retried in the next pass (1.17+)
 * @param podNotReadyEvents MarkPodsNotReady records a NodeNotReady event per pod (1.19+)
 * @param podListsFromInformer MarkPodsNotReady and the legacy DeletePods take the node's pods from
 *     the pod informer (1.17+, PR #81167), not from a LIST through the controller's client
 * @param apiCallsUnderEvictorLock the tainting (or eviction) pass and markNodeAsReachable make
 *     their API calls holding {@code evictorLock}, which every node's eviction decision takes
 *     (before 1.25, PR #110359)
 */
public record NodeLifecycleSettings(
        long monitorPeriod,
        long gracePeriod,
        long startupGracePeriod,
        float evictionQps,
        float secondaryEvictionQps,
        int largeClusterSizeThreshold,
        float unhealthyZoneThreshold,
        boolean taintBased,
        long podEvictionTimeout,
        boolean noExecuteInDetectingPass,
        boolean masterNamesExcluded,
        boolean exclusionLabelHonoured,
        DurationDistribution monitorPass,
        DurationDistribution watch,
        int monitorWorkers,
        boolean retryMarkPodsNotReady,
        boolean podNotReadyEvents,
        boolean podListsFromInformer,
        boolean apiCallsUnderEvictorLock) {
    /** kube-apiserver {@code --request-timeout} (1 m): a write blocked longer than this fails. */
    static final long REQUEST_TIMEOUT = ControlPlane.REQUEST_TIMEOUT;

    /** {@code scheduler.UpdateWorkerSize}, the monitor pass's nodeUpdateWorkerSize from 1.27. */
    public static final int UPDATE_WORKER_SIZE = 8;

    public NodeLifecycleSettings {
        if (monitorPeriod <= 0 || gracePeriod <= 0 || startupGracePeriod <= 0) {
            throw new IllegalArgumentException("node-monitor-period and grace period must be > 0");
        }
        Objects.requireNonNull(monitorPass, "monitorPass");
        Objects.requireNonNull(watch, "watch");
        if (monitorWorkers < 1) {
            throw new IllegalArgumentException("monitorWorkers must be >= 1");
        }
    }

    public static NodeLifecycleSettings of(Scenario s) {
        var c = s.kubeControllerManager();
        boolean taintBased = c.enableTaintManager() || !s.profile().taintManagerFlag();
        VersionProfiles.Row row = VersionProfiles.forVersion(s.kubernetesVersion());
        return new NodeLifecycleSettings(c.nodeMonitorPeriod(), c.nodeMonitorGracePeriod(), c.nodeStartupGracePeriod(),
                (float) c.nodeEvictionRate(), (float) c.secondaryNodeEvictionRate(), c.largeClusterSizeThreshold(),
                (float) c.unhealthyZoneThreshold(), taintBased, c.podEvictionTimeout(),
                s.profile().noExecuteInDetectingPass(), !row.has(Rule.MASTER_NAMES_COUNTED),
                row.has(Rule.DISRUPTION_EXCLUSION_LABEL), s.latencies().monitorPass(), s.latencies().watch(),
                row.has(Rule.PARALLEL_NODE_HEALTH) ? UPDATE_WORKER_SIZE : 1, row.has(Rule.MARK_PODS_NOT_READY_RETRY),
                row.has(Rule.POD_NOT_READY_EVENTS), row.has(Rule.POD_LISTS_FROM_INFORMER),
                !row.has(Rule.EVICTOR_LOCK_OFF_API_CALLS));
    }
}
