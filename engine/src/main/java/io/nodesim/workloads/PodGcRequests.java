package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.PodDeletions;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.Simulation;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Pod GC's force deletions as its client sends them ({@code ClientOrDie("pod-garbage-collector")}, a
 * limiter of its own at {@code kube-api-qps} / {@code kube-api-burst}). {@code markFailedAndDeletePod}
 * is a status PATCH to Failed (from 1.26, PodDisruptionConditions; none for a pod already Failed) and
 * then the DELETE with grace period 0; each request blocks its goroutine until its token is due. A
 * pod is force-deleted when its DELETE returns. The PATCH's Failed phase is not applied on its own:
 * the pod's controller learns it is inactive with the DELETE (one token later in {@code gcOrphaned};
 * in {@code gcTerminating} the pods are Terminating, replaced already). A request whose token comes
 * due while the API server is down is answered when it is up again (upstream it fails after the
 * client's one-minute timeout, and a later pass deletes the pod once the server is back).
 */
final class PodGcRequests {
    private final Simulation sim;
    private final ClusterState cluster;
    private final PodDeletions deletions;
    private final ApiClient client;
    private final boolean patchFailedFirst;
    private final int kind;
    /** The planned deletions, in the order their DELETEs return. */
    private int[] pod = new int[16];
    private long[] due = new long[16];
    private String[] reason = new String[16];
    private int head;
    private int tail;
    private long handle = EventQueue.NO_HANDLE;
    private boolean hungOnOutage;
    private LongConsumer returned = t -> { };

    PodGcRequests(Simulation sim, ClusterState cluster, PodDeletions deletions, ApiClient client,
            boolean patchFailedFirst) {
        this.sim = sim;
        this.cluster = cluster;
        this.deletions = deletions;
        this.client = client;
        this.patchFailedFirst = patchFailedFirst;
        this.kind = sim.registerKind("podgc.deleteReturned", (t, now) -> returned(now));
        cluster.informers().watchApiServer(now -> {
            if (hungOnOutage) {
                hungOnOutage = false;
                flush(now, true);
            }
        });
    }

    /**
     * {@code gcTerminating}: one goroutine per pod, all started at {@code now}, so every first
     * request is reserved at once and each PATCH's DELETE after it returns, behind them. Returns
     * when the last token is due: when the last request returns ({@code wait.Wait}) unless the API
     * server is down then ({@link #onAllReturned} tells the actual time).
     */
    long parallel(int[] pods, int count, long now, String why) {
        long[] patchDue = new long[count];
        long[] deleteDue = new long[count];
        int[] direct = new int[count];
        int[] patched = new int[count];
        int directCount = 0;
        int patchedCount = 0;
        for (int i = 0; i < count; i++) {
            if (needsPatch(pods[i])) {
                patchDue[i] = client.send(now, 1);
                patched[patchedCount++] = i;
            } else {
                deleteDue[i] = client.send(now, 1);
                direct[directCount++] = i;
            }
        }
        long last = now;
        for (int k = 0; k < patchedCount; k++) {
            int i = patched[k];
            deleteDue[i] = client.send(patchDue[i], 1);
        }
        // The DELETEs return in time order, pods of one instant in the order they were listed; those
        // sent at once and those sent after a PATCH are each in that order already.
        int a = 0;
        int b = 0;
        while (a < directCount || b < patchedCount) {
            boolean takeDirect = b == patchedCount || a < directCount
                    && (deleteDue[direct[a]] < deleteDue[patched[b]]
                        || deleteDue[direct[a]] == deleteDue[patched[b]] && direct[a] < patched[b]);
            int i = takeDirect ? direct[a++] : patched[b++];
            add(pods[i], deleteDue[i], why);
            last = Math.max(last, deleteDue[i]);
        }
        flush(now, false);
        return last;
    }

    /**
     * {@code gcOrphaned}: from {@code from} on, a GET per node that leaves its quarantine
     * ({@code discoverDeletedNodes}), then each pod's requests one after the other. Returns when the
     * last token is due, as {@link #parallel} does.
     */
    long sequential(int gets, int[] pods, int count, long from, String why) {
        long t = from;
        for (int g = 0; g < gets; g++) {
            t = client.send(t, 1);
        }
        for (int i = 0; i < count; i++) {
            if (needsPatch(pods[i])) {
                t = client.send(t, 1);
            }
            t = client.send(t, 1);
            add(pods[i], t, why);
        }
        flush(sim.now(), false);
        return t;
    }

    /** Told the time each time every planned request has returned (the goroutines' {@code wait}). */
    void onAllReturned(LongConsumer listener) {
        this.returned = listener;
    }

    /** True while planned requests have not returned. */
    boolean pending() {
        return head < tail;
    }

    /** The process stopped: requests still waiting for a token are never sent; a new client is full. */
    void restart() {
        sim.cancel(handle);
        handle = EventQueue.NO_HANDLE;
        hungOnOutage = false;
        head = 0;
        tail = 0;
        client.reset();
    }

    private boolean needsPatch(int p) {
        return patchFailedFirst && !cluster.pods().failed(p);
    }

    private void add(int p, long t, String why) {
        if (tail == pod.length) {
            int c = pod.length * 2;
            pod = Arrays.copyOf(pod, c);
            due = Arrays.copyOf(due, c);
            reason = Arrays.copyOf(reason, c);
        }
        pod[tail] = p;
        due[tail] = t;
        reason[tail++] = why;
    }

    private void returned(long now) {
        handle = EventQueue.NO_HANDLE;
        flush(now, true);
    }

    /**
     * Applies the deletions whose DELETE has returned by {@code now} and waits for the next one;
     * tells the listener when the last has returned, unless the caller is planning (it looks itself).
     */
    private void flush(long now, boolean tell) {
        sim.cancel(handle);
        handle = EventQueue.NO_HANDLE;
        if (head < tail && due[head] <= now && !cluster.controlPlane().isUp(now)) {
            hungOnOutage = true;
            return;
        }
        while (head < tail && due[head] <= now) {
            int p = pod[head];
            String why = reason[head];
            reason[head++] = null;
            deletions.forceDelete(p, now, why);
        }
        if (head == tail) {
            boolean any = tail > 0;
            head = 0;
            tail = 0;
            if (any && tell) {
                returned.accept(now);
            }
        } else {
            handle = sim.schedule(due[head], kind, 0);
        }
    }
}
