package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.controllermanager.Controller;
import io.nodesim.controllermanager.Downtime;
import io.nodesim.controllermanager.EventSink;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.Simulation;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The ReplicaSet controller ({@code pkg/controller/replicaset/replica_set.go}; a Deployment's pods
 * belong to its ReplicaSet, so Deployments go through here too). A pod with a deletion timestamp
 * is no longer active ({@code controller.IsPodActive}), so the sync that follows the pod update
 * creates a replacement at once, while the old pod may stay Terminating for ever.
 *
 * <p>Timing: the update reaches the informer one watch delay after the deletion; the sync takes
 * {@code latencies.controller}. {@code manageReplicas} creates at most {@value #BURST_REPLICAS}
 * pods per sync, through {@code slowStartBatch}: batches of 1, 2, 4, … creations, each batch sent
 * once the one before has returned. Every creation is a POST through the controller's own client
 * ({@code ClientOrDie("replicaset-controller")}, limited by {@code kube-api-qps} /
 * {@code kube-api-burst}), so past the burst a sync's pods are created one token apart. The next
 * sync may create more only when its expectations are met (the informer has seen every creation,
 * one watch delay after the last). Each new pod is paired with the oldest deleted pod still
 * without a replacement, for pods.csv. A POST whose token comes due while the API server is down is
 * answered when it is up again (upstream it fails after the client's one-minute timeout and the sync
 * is retried, to hang the same way until the outage ends).
 *
 * <p>Each creation that returns records {@code SuccessfulCreate} about the ReplicaSet
 * ({@code RealPodControl.createPods}, pkg/controller/controller_utils.go) on the controller's own
 * broadcaster, started on the same client ({@code Run}: {@code StartRecordingToSink} on
 * {@code rsc.kubeClient}): its POSTs take tokens beside the creations ({@link EventSink}), until
 * the spam filter holds the ReplicaSet to 25 and then one per 5 min. Creations do not fail in the
 * model ({@code FailedCreate}) and the controller deletes no pods ({@code SuccessfulDelete}).
 */
public final class ReplicaSetController implements Controller {
    /** {@code BurstReplicas}: creations per sync. */
    public static final int BURST_REPLICAS = 500;
    /** {@code controller.SlowStartInitialBatchSize}. */
    static final int SLOW_START_INITIAL_BATCH_SIZE = 1;

    private final Simulation sim;
    private final ClusterState cluster;
    private final ApiClient client;
    private final EventSink events;
    private final DurationDistribution watch;
    private final DurationDistribution controller;
    private final RandomGenerator rng;
    private final int syncKind;
    private final int createdKind;
    private final int[][] awaiting;
    private final int[] head;
    private final int[] tail;
    private final int[] nextOrdinal;
    private final boolean[] syncQueued;
    private final long[] expectationsMetAt;
    private final Downtime restarting = new Downtime();
    /** Per workload, the sync in progress: creations still to send, the batch size, the sent batch. */
    private final int[] toCreate;
    private final int[] batchSize;
    private final int[][] sentOld;
    private final long[][] sentDue;
    private final int[] sentHead;
    private final int[] sentTail;
    private final long[] createdHandle;
    /** The latest time the informer saw a deletion that arrived while the sync was in progress. */
    private final long[] seenDuringSync;
    /** The sent batch's POSTs wait for the API server, down when their tokens came due. */
    private final boolean[] hungOnOutage;

    public ReplicaSetController(Simulation sim, ClusterState cluster, ApiClient client, DurationDistribution watch,
            DurationDistribution controller, RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
        this.client = client;
        this.events = new EventSink(sim, "replicaset", client, cluster.controlPlane(), cluster.informers());
        this.watch = watch;
        this.controller = controller;
        this.rng = rng;
        int n = cluster.workloads().size();
        awaiting = new int[n][4];
        head = new int[n];
        tail = new int[n];
        nextOrdinal = new int[n];
        for (int w = 0; w < n; w++) {
            nextOrdinal[w] = cluster.workloads().get(w).desired();
        }
        syncQueued = new boolean[n];
        expectationsMetAt = new long[n];
        toCreate = new int[n];
        batchSize = new int[n];
        sentOld = new int[n][];
        sentDue = new long[n][];
        sentHead = new int[n];
        sentTail = new int[n];
        createdHandle = new long[n];
        Arrays.fill(createdHandle, EventQueue.NO_HANDLE);
        seenDuringSync = new long[n];
        hungOnOutage = new boolean[n];
        cluster.informers().watchApiServer(this::apiServerRecovered);
        syncKind = sim.registerKind("replicaset.sync", this::sync);
        createdKind = sim.registerKind("replicaset.created", this::progress);
    }

    @Override
    public String name() {
        return "replicaset-controller";
    }

    /**
     * The expectations are lost; a sync due during the downtime runs when the new instance does.
     * Creations still waiting for a token die with the process: their pods are created by the new
     * instance's first sync, through a new client with a full bucket.
     */
    @Override
    public void restart(long now, long downtime) {
        restarting.begin(now, downtime);
        Arrays.fill(expectationsMetAt, 0);
        client.reset();
        events.reset();
        for (int w = 0; w < toCreate.length; w++) {
            if (!inSync(w)) {
                continue;
            }
            sim.cancel(createdHandle[w]);
            createdHandle[w] = EventQueue.NO_HANDLE;
            hungOnOutage[w] = false;
            returnUnsent(w);
            long seen = syncQueued[w] ? Math.max(now, seenDuringSync[w]) : now;
            toCreate[w] = 0;
            batchSize[w] = 0;
            syncQueued[w] = false;
            enqueue(w, seen);
        }
    }

    /** The sent batch's pods still waiting for a token go back to the front of the queue, in order. */
    private void returnUnsent(int w) {
        int k = sentTail[w] - sentHead[w];
        if (head[w] < k) {
            int size = tail[w] - head[w];
            int[] a = new int[Math.max(awaiting[w].length, size + k) + 4];
            System.arraycopy(awaiting[w], head[w], a, k, size);
            awaiting[w] = a;
            head[w] = k;
            tail[w] = k + size;
        }
        for (int i = sentTail[w] - 1; i >= sentHead[w]; i--) {
            awaiting[w][--head[w]] = sentOld[w][i];
        }
        sentHead[w] = 0;
        sentTail[w] = 0;
    }

    /** A pod of one of its ReplicaSets got a deletion timestamp. */
    public void podDeleted(int pod, long now) {
        int w = cluster.pods().workload(pod);
        if (tail[w] == awaiting[w].length) {
            compact(w);
        }
        awaiting[w][tail[w]++] = pod;
        enqueue(w, now + watch.sample(rng));
    }

    private void compact(int w) {
        int size = tail[w] - head[w];
        int[] a = awaiting[w];
        if (size * 2 > a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        System.arraycopy(awaiting[w], head[w], a, 0, size);
        awaiting[w] = a;
        head[w] = 0;
        tail[w] = size;
    }

    private boolean inSync(int w) {
        return batchSize[w] > 0;
    }

    private void enqueue(int w, long seenAt) {
        if (syncQueued[w]) {
            if (inSync(w)) {
                seenDuringSync[w] = Math.max(seenDuringSync[w], seenAt);
            }
            return;
        }
        syncQueued[w] = true;
        if (inSync(w)) {
            // the work queue hands the key out again only when the running sync is done
            seenDuringSync[w] = seenAt;
            return;
        }
        sim.schedule(Math.max(seenAt, expectationsMetAt[w]) + controller.sample(rng), syncKind, w);
    }

    private void sync(int w, long now) {
        if (restarting.covers(now)) {
            sim.schedule(restarting.until() + controller.sample(rng), syncKind, w);
            return;
        }
        syncQueued[w] = false;
        int n = Math.min(tail[w] - head[w], BURST_REPLICAS);
        if (n == 0) {
            return;
        }
        toCreate[w] = n;
        batchSize[w] = Math.min(n, SLOW_START_INITIAL_BATCH_SIZE);
        progress(w, now);
    }

    /**
     * The sync goes on at {@code now}: the POSTs of the sent batch whose tokens are due return, and
     * once all of them have, the next batch is sent (a token reserved for each at once); the sync ends
     * with the last batch. A POST due while the API server is down is answered when it is up again.
     */
    private void progress(int w, long now) {
        createdHandle[w] = EventQueue.NO_HANDLE;
        while (true) {
            if (sentHead[w] < sentTail[w]) {
                if (sentDue[w][sentHead[w]] > now) {
                    createdHandle[w] = sim.schedule(sentDue[w][sentHead[w]], createdKind, w);
                    return;
                }
                if (!cluster.controlPlane().isUp(now)) {
                    hungOnOutage[w] = true;
                    return;
                }
                while (sentHead[w] < sentTail[w] && sentDue[w][sentHead[w]] <= now) {
                    create(w, sentOld[w][sentHead[w]++], now);
                }
            } else if (toCreate[w] > 0) {
                sendBatch(w, now);
            } else {
                finishSync(w, now);
                return;
            }
        }
    }

    private void sendBatch(int w, long now) {
        int size = Math.min(batchSize[w], toCreate[w]);
        toCreate[w] -= size;
        batchSize[w] = Math.min(2 * size, Math.max(toCreate[w], 1));
        ensureSentCapacity(w, size);
        sentHead[w] = 0;
        sentTail[w] = 0;
        for (int i = 0; i < size; i++) {
            sentOld[w][sentTail[w]] = awaiting[w][head[w]++];
            sentDue[w][sentTail[w]++] = client.send(now, 1);
        }
    }

    private void create(int w, int old, long now) {
        cluster.createPod(w, cluster.workloads().get(w).name() + "-" + nextOrdinal[w]++, old, now);
        events.record(EventSink.object(EventSink.REPLICA_SET, w), now);
    }

    /** Its {@code SuccessfulCreate} events. */
    public EventSink events() {
        return events;
    }

    private void finishSync(int w, long now) {
        batchSize[w] = 0;
        expectationsMetAt[w] = now + watch.sample(rng);
        if (syncQueued[w]) {
            syncQueued[w] = false;
            enqueue(w, seenDuringSync[w]);
        } else if (tail[w] > head[w]) {
            enqueue(w, now);
        }
    }

    /** The POSTs that hung on the outage are answered. */
    private void apiServerRecovered(long now) {
        for (int w = 0; w < hungOnOutage.length; w++) {
            if (hungOnOutage[w]) {
                hungOnOutage[w] = false;
                sim.cancel(createdHandle[w]);
                progress(w, now);
            }
        }
    }

    private void ensureSentCapacity(int w, int size) {
        if (sentOld[w] == null || sentOld[w].length < size) {
            int c = Math.max(size, 8);
            sentOld[w] = new int[c];
            sentDue[w] = new long[c];
        }
    }
}
