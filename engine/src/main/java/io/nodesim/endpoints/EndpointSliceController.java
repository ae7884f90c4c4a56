package io.nodesim.endpoints;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.PodWatcher;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.IntList;
import io.nodesim.kernel.Simulation;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The EndpointSlice controller ({@code pkg/controller/endpointslice/endpointslice_controller.go}):
 * its pod informer sees a pod's Ready change (or deletion) one watch delay after the write;
 * {@code updatePod} / {@code deletePod} queue the pod's Service with
 * {@code serviceQueue.AddAfter(key, endpointUpdatesBatchPeriod)} (the delaying queue keeps the
 * earliest pending time of a key, so changes inside one batch period share one sync; a key that is
 * being processed is synced again as soon as its write is done, as the workqueue's dirty set does); the sync
 * ({@code syncService}, then the reconciler's write, {@code latencies.controller}) publishes the
 * Ready state of every pod it saw change, where kube-proxy's informer picks it up. A not-ready or
 * terminating pod stays in the slice with {@code ready: false}; for traffic that is the same as
 * leaving it.
 */
public final class EndpointSliceController implements PodWatcher {
    private final Simulation sim;
    private final ClusterState cluster;
    private final KubeProxy proxy;
    private final long batchPeriod;
    private final DurationDistribution watch;
    private final DurationDistribution write;
    private final RandomGenerator rng;
    private final int observedKind;
    private final int syncKind;
    private final int writtenKind;
    /** The pod informer's cached Ready state, per pod. */
    private boolean[] cachedReady = new boolean[0];
    /** Per Service: the pods seen changing since its last sync, and whether a sync is queued. */
    private final IntList[] changed;
    private final boolean[] queued;
    /** Per Service: a sync came while its previous write was in flight (the workqueue's dirty set). */
    private final boolean[] dirty;
    /** Per Service: the pods whose slice state is being written, by write event. */
    private final IntList[] writing;

    public EndpointSliceController(Simulation sim, ClusterState cluster, KubeProxy proxy, long batchPeriod,
            DurationDistribution watch, DurationDistribution write, RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
        this.proxy = proxy;
        this.batchPeriod = batchPeriod;
        this.watch = watch;
        this.write = write;
        this.rng = rng;
        int services = cluster.workloads().size();
        changed = new IntList[services];
        writing = new IntList[services];
        for (int w = 0; w < services; w++) {
            changed[w] = new IntList();
            writing[w] = new IntList();
        }
        queued = new boolean[services];
        dirty = new boolean[services];
        observedKind = sim.registerKind("endpointslice.podObserved", this::observed);
        syncKind = sim.registerKind("endpointslice.syncService", this::sync);
        writtenKind = sim.registerKind("endpointslice.written", this::written);
    }

    @Override
    public void podReadyChanged(int pod, boolean ready, long time) {
        sim.schedule(time + watch.sample(rng), observedKind, pod);
    }

    private void observed(int pod, long now) {
        if (pod >= cachedReady.length) {
            cachedReady = Arrays.copyOf(cachedReady, PodTable.capacityFor(pod, cachedReady.length));
        }
        cachedReady[pod] = cluster.pods().ready(pod);
        int service = cluster.pods().workload(pod);
        changed[service].add(pod);
        if (!queued[service]) {
            queued[service] = true;
            sim.schedule(now + batchPeriod, syncKind, service);
        }
    }

    private void sync(int service, long now) {
        queued[service] = false;
        if (!writing[service].isEmpty()) {
            // a key being processed is not handed to a worker again: it is re-queued when Done
            dirty[service] = true;
            return;
        }
        writing[service].takeAll(changed[service]);
        sim.schedule(now + write.sample(rng), writtenKind, service);
    }

    private void written(int service, long now) {
        IntList pods = writing[service];
        for (int i = 0; i < pods.size(); i++) {
            int p = pods.get(i);
            proxy.sliceChanged(p, cachedReady[p], now);
        }
        pods.clear();
        if (dirty[service]) {
            dirty[service] = false;
            sync(service, now);
        }
    }
}
