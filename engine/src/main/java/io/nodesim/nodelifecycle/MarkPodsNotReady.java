package io.nodesim.nodelifecycle;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.Samples;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.controllermanager.EventSink;
import java.util.Arrays;

/**
 * {@code MarkPodsNotReady} of pkg/controller/util/node/controller_utils.go, called by
 * {@code monitorNodeHealth} on a pass worker: one pod UpdateStatus per Ready pod of the node,
 * serially, each through the controller's client limiter. A failed write (the API server down past
 * the request timeout) does not stop the loop; the node goes to {@code nodesToRetry} and the next
 * pass marks its pods again while its observed condition is not Ready (PR #84445, 1.17+). From 1.19
 * (PR #87743) each write is followed by a NodeNotReady event about the pod, whether it succeeded or
 * failed (not when the pod was gone: NotFound), sent through the same client. Before 1.17 the
 * node's pods came from a LIST through the same client, the call's first request; a failed LIST
 * fails the call before any pod is written (from 1.17 the pods come from the informer, PR #81167).
 */
final class MarkPodsNotReady {
    /** The worker's pod while it waits for the LIST. */
    private static final int LISTING = -2;

    private final ClusterState cluster;
    private final NodeObjects nodes;
    private final Samples samples;
    private final ApiClient client;
    private final PassWorkers workers;
    /** The controller's events, or null before 1.19 (no event per pod). */
    private final EventSink events;
    private final boolean retry;
    /** The node's pods come from a LIST request (before 1.17), not from the pod informer. */
    private final boolean listThroughClient;
    /** nodesToRetry: MarkPodsNotReady failed for the node; the next pass tries again. */
    private final boolean[] toRetry;

    MarkPodsNotReady(ClusterState cluster, Samples samples, ApiClient client, PassWorkers workers, boolean retry,
            EventSink events, boolean listThroughClient) {
        this.listThroughClient = listThroughClient;
        this.cluster = cluster;
        this.nodes = cluster.nodes();
        this.samples = samples;
        this.client = client;
        this.workers = workers;
        this.retry = retry;
        this.events = events;
        this.toRetry = new boolean[nodes.count()];
    }

    /** Whether the node is in nodesToRetry. */
    boolean retryPending(int node) {
        return toRetry[node];
    }

    void clear() {
        Arrays.fill(toRetry, false);
    }

    /**
     * The end of a node's turn: its pods are marked when it just stopped being Ready, or (1.17+)
     * when an earlier marking failed and it is still not Ready; false while the worker waits.
     */
    boolean afterHealthUpdate(int w, int node, boolean becameNotReady, boolean observedNotReady, long now) {
        if (becameNotReady || (retry && toRetry[node] && observedNotReady)) {
            return listThroughClient ? list(w, node, now) : mark(w, node, cluster.pods().firstOnNode(node), now);
        }
        toRetry[node] = false;
        return true;
    }

    /** The LIST of the node's pods goes through the limiter: false while the worker waits for it. */
    private boolean list(int w, int node, long now) {
        long sent = client.send(now, 1);
        if (sent > now) {
            workers.pod[w] = LISTING;
            workers.sleep(w, PassWorkers.POD_SENT, sent);
            return false;
        }
        return sendList(w, node, now);
    }

    private boolean sendList(int w, int node, long now) {
        if (!cluster.controlPlane().isUp(now)) {
            workers.pod[w] = LISTING;
            long up = cluster.controlPlane().upAgainAt(now);
            if (up - now <= NodeLifecycleSettings.REQUEST_TIMEOUT) {
                workers.sleep(w, PassWorkers.POD_ANSWERED, up);
            } else {
                workers.sleep(w, PassWorkers.POD_FAILED, now + NodeLifecycleSettings.REQUEST_TIMEOUT);
            }
            return false;
        }
        return mark(w, node, cluster.pods().firstOnNode(node), now);
    }

    /** The LIST was sent, answered or failed: the pods are written, or the call fails. */
    private boolean listWoke(int w, int node, int waited, long now) {
        return switch (waited) {
            case PassWorkers.POD_SENT -> sendList(w, node, now);
            case PassWorkers.POD_ANSWERED -> mark(w, node, cluster.pods().firstOnNode(node), now);
            default -> {
                // MarkPodsNotReady returned its error; only 1.17+ retries it (and reads its pods from
                // the informer), but the node is in nodesToRetry's place all the same.
                toRetry[node] = true;
                yield true;
            }
        };
    }

    /** The worker's pod write (or the LIST before it) was sent, answered or failed: it goes on with the next pod. */
    boolean woke(int w, int node, int p, int waited, long now) {
        if (p == LISTING) {
            return listWoke(w, node, waited, now);
        }
        switch (waited) {
            case PassWorkers.POD_SENT -> {
                if (!sendPodWrite(w, node, p, now)) {
                    return false;
                }
            }
            case PassWorkers.POD_ANSWERED -> markPodNotReady(p, node, now);
            default -> {
                workers.podWriteFailed[w] = true;
                recordEvent(p, now);
            }
        }
        return mark(w, node, nextPod(node, p), now);
    }

    /** The pod after {@code p} in the node's list (from the start again if p has left it). */
    private int nextPod(int node, int p) {
        PodTable pods = cluster.pods();
        return pods.isGone(p) ? pods.firstOnNode(node) : pods.nextOnNode(p);
    }

    /**
     * {@code MarkPodsNotReady} from pod {@code p} on: one UpdateStatus per Ready pod, serially, each
     * through the limiter; false while the worker waits for one. A failed write is counted and the
     * loop goes on (upstream aggregates the errors); the node is then left in nodesToRetry.
     */
    boolean mark(int w, int node, int p, long now) {
        PodTable pods = cluster.pods();
        for (; p >= 0; p = pods.nextOnNode(p)) {
            if (pods.isDeleted(p) || !pods.ready(p)) {
                continue;
            }
            long sent = client.send(now, 1);
            if (sent > now) {
                workers.pod[w] = p;
                workers.sleep(w, PassWorkers.POD_SENT, sent);
                return false;
            }
            if (!sendPodWrite(w, node, p, now)) {
                return false;
            }
        }
        toRetry[node] = workers.podWriteFailed[w];
        return true;
    }

    /** One pod's UpdateStatus goes out: true when it lands at once, false while it waits for the API server. */
    private boolean sendPodWrite(int w, int node, int p, long now) {
        if (!cluster.controlPlane().isUp(now)) {
            long up = cluster.controlPlane().upAgainAt(now);
            workers.pod[w] = p;
            if (up - now <= NodeLifecycleSettings.REQUEST_TIMEOUT) {
                workers.sleep(w, PassWorkers.POD_ANSWERED, up);
            } else {
                workers.sleep(w, PassWorkers.POD_FAILED, now + NodeLifecycleSettings.REQUEST_TIMEOUT);
            }
            return false;
        }
        markPodNotReady(p, node, now);
        return true;
    }

    private void markPodNotReady(int p, int node, long now) {
        recordEvent(p, now);
        PodTable pods = cluster.pods();
        if (pods.isDeleted(p) || !pods.ready(p)) {
            return;
        }
        cluster.setPodReady(p, false, now);
        pods.markNotReady(p, now);
        cluster.recorder().record(now, EventKind.PodNotReady, pods.name(p), nodes.name(node));
        samples.addSince(Samples.TIME_TO_POD_NOT_READY, nodes.causeAt(node), now);
    }

    /** "record NodeNotReady event after updateStatus to make sure pod still exists". */
    private void recordEvent(int p, long now) {
        if (events != null && !cluster.pods().isGone(p)) {
            events.record(EventSink.object(EventSink.POD, p), now);
        }
    }
}
