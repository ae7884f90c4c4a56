package io.nodesim.scenario;

/**
 * The behaviour switches of one range of Kubernetes versions (DESIGN §5, spec §2). Default
 * settings per version are applied by the loader; these flags are the rules that are not settings.
 *
 * @param name the profile's name as shown by {@code explain}, e.g. "1.34+"
 * @param nodeLease kubelets renew a Lease (GA 1.17); false: the NodeStatus update is the heartbeat
 * @param leaseJitter the component-helpers lease controller's sliding loop with 4 % jitter
 * @param noExecuteInDetectingPass the NoExecute taint is queued in the pass that marks the node
 *     Unknown (PR #120816, 1.34); before, on the next pass
 * @param taintManagerFlag {@code enable-taint-manager} (and the legacy path) exists (< 1.27)
 * @param balancedAllocationDelta NodeResourcesBalancedAllocation scores the change in balance (1.36)
 * @param balancedAllocationSkipsBestEffort BalancedAllocation skips best-effort pods (1.33)
 */
public record VersionProfile(
        String name,
        boolean nodeLease,
        boolean leaseJitter,
        boolean noExecuteInDetectingPass,
        boolean taintManagerFlag,
        boolean balancedAllocationDelta,
        boolean balancedAllocationSkipsBestEffort) {
}
