package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;

/**
 * {@code DeletePods} of pkg/controller/util/node/controller_utils.go, the legacy eviction of
 * {@code doEvictionPass} (~1.12): for every pod of the node except DaemonSet pods, the NodeLost
 * UpdateStatus ({@code SetPodTerminationReason}, whose failure other than a conflict is ignored)
 * and the DELETE, serially, each a blocking {@link ClientRequests} request. A DELETE that fails
 * fails the call: the eviction loop's Try returns false and the node is tried again.
 */
final class DeletePods {
    private static final int STATUS = 0;
    private static final int DELETE = 1;

    private final ClusterState cluster;
    private final PodDeletions deletions;
    private final ClientRequests requests;
    private final ClientRequests.Caller resume = this::requestAnswered;
    private TaintWriter.Waiter waiter;
    private int node = -1;
    private int pod;
    private int step;

    DeletePods(ClusterState cluster, PodDeletions deletions, ClientRequests requests) {
        this.cluster = cluster;
        this.deletions = deletions;
        this.requests = requests;
    }

    private static final int WAITING = 0;
    private static final int SUCCEEDED = 1;
    private static final int FAILED = 2;

    /** Deletes the node's pods: true when done at once; false while the caller is blocked until {@code w.written}. */
    boolean delete(int n, long now, TaintWriter.Waiter w) {
        node = n;
        waiter = w;
        pod = next(cluster.pods().firstOnNode(n));
        step = STATUS;
        return run(now) != WAITING;
    }

    private int run(long now) {
        while (pod >= 0) {
            if (!requests.send(now, resume, pod)) {
                return WAITING;
            }
            advance(now);
        }
        node = -1;
        return SUCCEEDED;
    }

    /** The current request was answered: on to the DELETE, or to the next pod. */
    private void advance(long now) {
        if (step == STATUS) {
            step = DELETE;
            return;
        }
        PodTable pods = cluster.pods();
        if (!pods.isDeleted(pod)) {
            deletions.delete(pod, now, "NodeControllerEviction");
        }
        step = STATUS;
        pod = next(pods.isGone(pod) ? pods.firstOnNode(node) : pods.nextOnNode(pod));
    }

    private void requestAnswered(int p, boolean ok, long now) {
        int n = node;
        int result;
        if (!ok && step == DELETE) {
            node = -1;
            result = FAILED;
        } else {
            // A failed status update is ignored: the DELETE follows.
            advance(now);
            result = run(now);
        }
        if (result != WAITING) {
            waiter.written(n, result == SUCCEEDED, now);
        }
    }

    /** The first pod from {@code p} on that DeletePods deletes: not a DaemonSet pod, not already deleted. */
    private int next(int p) {
        PodTable pods = cluster.pods();
        while (p >= 0 && (pods.isDeleted(p) || cluster.workloadOf(p).daemonSet())) {
            p = pods.nextOnNode(p);
        }
        return p;
    }

    /** The process stops: the call in progress is abandoned. */
    void stop() {
        node = -1;
    }
}
