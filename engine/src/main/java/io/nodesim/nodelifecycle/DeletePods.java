package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.cluster.PodTable;
import io.nodesim.controllermanager.EventSink;
import java.util.BitSet;

/**
 * {@code DeletePods} of pkg/controller/util/node/controller_utils.go, the legacy eviction of
 * {@code doEvictionPass} (~1.12): for every pod of the node, serially, the NodeLost UpdateStatus
 * ({@code SetPodTerminationReason}, whose failure other than a conflict is ignored), then, unless a
 * DaemonSet owns the pod, the DELETE; each a blocking {@link ClientRequests} request. A DELETE
 * that fails fails the call: the eviction loop's Try returns false and the node is tried again.
 * Pods already being deleted are passed over. A pod whose NodeLost status was written is not
 * written again when the call is retried ({@code SetPodTerminationReason} returns at once when the
 * pod's reason is NodeLost).
 *
 * <p>Before 1.17 the node's pods came from a LIST through the controller's client, the call's
 * first request (a failed LIST fails the call); from 1.17 from the pod informer (PR #81167). The
 * call records DeletingAllPods about the node when the node has pods, and NodeControllerEviction
 * about each pod just before its DELETE, both through the controller's {@link EventSink}.
 */
final class DeletePods {
    private static final int LIST = 0;
    private static final int STATUS = 1;
    private static final int DELETE = 2;

    private static final int WAITING = 0;
    private static final int SUCCEEDED = 1;
    private static final int FAILED = 2;

    private final ClusterState cluster;
    private final PodDeletions deletions;
    private final ClientRequests requests;
    private final EventSink events;
    private final boolean listThroughClient;
    private final ClientRequests.Caller resume = this::requestAnswered;
    /** The pods whose status reason is NodeLost: written by an earlier call, kept across restarts (it is the API's). */
    private final BitSet nodeLost = new BitSet();
    private TaintWriter.Waiter waiter;
    private int node = -1;
    private int pod;
    private int step;

    /** @param listThroughClient the pods come from a LIST request (before 1.17), not the informer */
    DeletePods(ClusterState cluster, PodDeletions deletions, ClientRequests requests, EventSink events,
            boolean listThroughClient) {
        this.cluster = cluster;
        this.deletions = deletions;
        this.requests = requests;
        this.events = events;
        this.listThroughClient = listThroughClient;
    }

    /** Deletes the node's pods: true when done at once; false while the caller is blocked until {@code w.written}. */
    boolean delete(int n, long now, TaintWriter.Waiter w) {
        node = n;
        waiter = w;
        if (listThroughClient) {
            step = LIST;
            if (!requests.send(now, resume, -1)) {
                return false;
            }
        }
        listed(now);
        return run(now) != WAITING;
    }

    /** The node's pods are known: the node's event, then the first pod's status update. */
    private void listed(long now) {
        int first = cluster.pods().firstOnNode(node);
        if (first >= 0) {
            events.record(EventSink.object(EventSink.NODE, node), now);
        }
        pod = next(first);
        step = STATUS;
    }

    private int run(long now) {
        while (pod >= 0) {
            if (step != STATUS || !nodeLost.get(pod)) {
                if (!requests.send(now, resume, pod)) {
                    return WAITING;
                }
                if (step == STATUS) {
                    nodeLost.set(pod);
                }
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
            events.record(EventSink.object(EventSink.POD, pod), now);
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
        if (!ok && step != STATUS) {
            // A failed LIST or DELETE fails the call; a failed status update is ignored.
            node = -1;
            result = FAILED;
        } else {
            if (step == LIST) {
                listed(now);
            } else {
                if (step == STATUS && ok) {
                    nodeLost.set(p);
                }
                advance(now);
            }
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
