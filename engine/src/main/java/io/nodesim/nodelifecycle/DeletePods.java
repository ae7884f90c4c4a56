package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;

/**
 * {@code DeletePods} of pkg/controller/util/node/controller_utils.go, the legacy eviction of
 * {@code doEvictionPass} (~1.12): for every pod of the node, serially, the NodeLost UpdateStatus
 * ({@code SetPodTerminationReason}, whose failure other than a conflict is ignored), then, unless a
 * DaemonSet owns the pod, the DELETE; each a blocking {@link ClientRequests} request. A DELETE
 * that fails fails the call: the eviction loop's Try returns false and the node is tried again.
 * Pods already being deleted are passed over.
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
        PodTable pods = cluster.pods();
        if (step == STATUS && !cluster.workloadOf(pod).daemonSet()) {
            step = DELETE;
            return;
        }
        // The pod's successor is taken before the deletion, which may take the pod off the node's list.
        int following = pods.isGone(pod) ? pods.firstOnNode(node) : pods.nextOnNode(pod);
        if (step == DELETE && !pods.isDeleted(pod)) {
            deletions.delete(pod, now, "NodeControllerEviction");
        }
        step = STATUS;
        pod = next(following);
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

    /** The first pod from {@code p} on that is not being deleted already. */
    private int next(int p) {
        PodTable pods = cluster.pods();
        while (p >= 0 && pods.isDeleted(p)) {
            p = pods.nextOnNode(p);
        }
        return p;
    }

    /** The process stops: the call in progress is abandoned. */
    void stop() {
        node = -1;
    }
}
