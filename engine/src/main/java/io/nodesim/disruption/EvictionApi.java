package io.nodesim.disruption;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;

/**
 * The pods/eviction subresource ({@code pkg/registry/core/pod/storage/eviction.go}, {@code Create}):
 * <ol>
 * <li>a pod that is gone: 404;</li>
 * <li>a pod that is Pending or already has a deletion timestamp is deleted without looking at
 *     budgets ({@code canIgnorePDB});</li>
 * <li>more than one budget selects the pod: 500 "This pod has more than one PodDisruptionBudget";
 *     none: deleted;</li>
 * <li>a pod that is not Ready is deleted without using the budget when its
 *     unhealthyPodEvictionPolicy is AlwaysAllow, or (IfHealthyBudget, the default) when
 *     currentHealthy >= desiredHealthy and desiredHealthy > 0;</li>
 * <li>otherwise {@code checkAndDecrement}: disruptionsAllowed 0 is 429 "Cannot evict pod as it
 *     would violate the pod's disruption budget", else the pod is deleted (and no longer counts
 *     as healthy, which is what the decrement stands for).</li>
 * </ol>
 * While the API server is down every request fails with 503.
 */
public final class EvictionApi {
    private final ClusterState cluster;
    private final DisruptionBudgets budgets;
    private final PodDeletions deletions;

    public EvictionApi(ClusterState cluster, DisruptionBudgets budgets, PodDeletions deletions) {
        this.cluster = cluster;
        this.budgets = budgets;
        this.deletions = deletions;
    }

    public DisruptionBudgets budgets() {
        return budgets;
    }

    /** Evicts the pod at {@code now}: on 201 the pod has its deletion timestamp. */
    public EvictionResponse evict(int pod, long now) {
        PodTable pods = cluster.pods();
        if (pods.isGone(pod)) {
            return new EvictionResponse(EvictionResponse.NOT_FOUND, "pods \"" + pods.name(pod) + "\" not found");
        }
        if (!cluster.controlPlane().isUp(now)) {
            return new EvictionResponse(EvictionResponse.UNAVAILABLE, "the API server does not answer");
        }
        boolean pending = pods.node(pod) < 0 || !pods.started(pod);
        if (pending || pods.isDeleted(pod)) {
            return evicted(pod, now);
        }
        int n = budgets.budgetCount(pod);
        if (n > 1) {
            return new EvictionResponse(EvictionResponse.INTERNAL_ERROR,
                    "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
        }
        if (n == 0) {
            return evicted(pod, now);
        }
        int b = budgets.budgetOf(pod, 0);
        BudgetStatus status = budgets.status(b);
        if (!pods.ready(pod) && (budgets.spec(b).alwaysAllowUnhealthy()
                || status.currentHealthy() >= status.desiredHealthy() && status.desiredHealthy() > 0)) {
            return evicted(pod, now);
        }
        if (status.disruptionsAllowed() == 0) {
            return new EvictionResponse(EvictionResponse.TOO_MANY_REQUESTS,
                    "Cannot evict pod as it would violate the pod's disruption budget. The disruption budget "
                            + budgets.spec(b).displayName() + " needs " + status.desiredHealthy()
                            + " healthy pods and has " + status.currentHealthy() + " currently");
        }
        return evicted(pod, now);
    }

    private EvictionResponse evicted(int pod, long now) {
        deletions.delete(pod, now, "Evicted");
        return new EvictionResponse(EvictionResponse.EVICTED, "evicted");
    }
}
