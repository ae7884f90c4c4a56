package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.controllermanager.Controller;
import io.nodesim.controllermanager.Downtime;
import io.nodesim.kernel.DurationDistribution;
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
 * pods per sync and then waits until its expectations are met (the informer has seen every
 * creation, one watch delay later) before the next sync may create more. Each new pod is paired
 * with the oldest deleted pod still without a replacement, for pods.csv.
 */
public final class ReplicaSetController implements Controller {
    /** {@code BurstReplicas}: creations per sync. */
    public static final int BURST_REPLICAS = 500;

    private final Simulation sim;
    private final ClusterState cluster;
        private final DurationDistribution watch;
    private final DurationDistribution controller;
    private final RandomGenerator rng;
    private final int syncKind;
    private final int[][] awaiting;
    private final int[] head;
    private final int[] tail;
    private final int[] nextOrdinal;
    private final boolean[] syncQueued;
    private final long[] expectationsMetAt;
    private final Downtime restarting = new Downtime();

    public ReplicaSetController(Simulation sim, ClusterState cluster, DurationDistribution watch,
            DurationDistribution controller, RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
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
        syncKind = sim.registerKind("replicaset.sync", this::sync);
    }

    @Override
    public String name() {
        return "replicaset-controller";
    }

    /** The expectations are lost; a sync due during the downtime runs when the new instance does. */
    @Override
    public void restart(long now, long downtime) {
        restarting.begin(now, downtime);
        Arrays.fill(expectationsMetAt, 0);
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

    private void enqueue(int w, long seenAt) {
        if (syncQueued[w]) {
            return;
        }
        syncQueued[w] = true;
        sim.schedule(Math.max(seenAt, expectationsMetAt[w]) + controller.sample(rng), syncKind, w);
    }

    private void sync(int w, long now) {
        if (restarting.covers(now)) {
            sim.schedule(restarting.until() + controller.sample(rng), syncKind, w);
            return;
        }
        syncQueued[w] = false;
        int n = Math.min(tail[w] - head[w], BURST_REPLICAS);
        String name = cluster.workloads().get(w).name();
        for (int i = 0; i < n; i++) {
            int old = awaiting[w][head[w]++];
            cluster.createPod(w, name + "-" + nextOrdinal[w]++, old, now);
        }
        if (n > 0) {
            expectationsMetAt[w] = now + watch.sample(rng);
        }
        if (tail[w] > head[w]) {
            enqueue(w, now);
        }
    }
}
