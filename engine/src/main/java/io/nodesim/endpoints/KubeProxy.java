package io.nodesim.endpoints;

import io.nodesim.cluster.PodTable;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.IntList;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The kube-proxy of the clients' node, iptables mode ({@code pkg/proxy/iptables/proxier.go}): its
 * EndpointSlice informer sees a slice write one watch delay later and asks its sync runner for a
 * sync; the sync applies every change seen so far. The runner is
 * {@code BoundedFrequencyRunner} with {@code minInterval = iptables.minSyncPeriod}:
 * <ul>
 *   <li>before 1.34 ({@code pkg/util/async/bounded_frequency_runner.go}, {@code burstSyncs := 2}):
 *       a token bucket of 2 refilled at one per minSyncPeriod; a request without a token waits until
 *       {@code lastRun + minInterval} and a token;</li>
 *   <li>from 1.34 ({@code pkg/proxy/runner/bounded_frequency_runner.go}, PR #131615): no burst, at
 *       least minSyncPeriod between the end of one sync and the start of the next.</li>
 * </ul>
 * A sync is instantaneous here. The periodic {@code syncPeriod} resync is not modelled: it never
 * removes an endpoint sooner than the change-triggered sync.
 */
public final class KubeProxy {
    private static final int BURST = 2;

    private final Simulation sim;
    private final Sink endpoints;
    private final long minSync;
    private final boolean burst;
    private final DurationDistribution watch;
    private final RandomGenerator rng;
    private final int observedKind;
    private final int syncKind;
    /** Per pod: the Ready state of its endpoint in the slices kube-proxy has seen. */
    private boolean[] seenReady = new boolean[0];
    private final IntList pendingChanges = new IntList();
    private boolean syncQueued;
    private long lastSync = SimTime.NEVER;
    private double tokens = BURST;
    private long tokensAt;

    /** Where a sync's programmed endpoints go. */
    @FunctionalInterface
    public interface Sink {
        void proxied(int pod, boolean ready, long now);
    }

    public KubeProxy(Simulation sim, Sink endpoints, long minSync, boolean burst, DurationDistribution watch,
            RandomGenerator rng) {
        this.sim = sim;
        this.endpoints = endpoints;
        this.minSync = minSync;
        this.burst = burst;
        this.watch = watch;
        this.rng = rng;
        observedKind = sim.registerKind("kubeproxy.sliceObserved", this::observed);
        syncKind = sim.registerKind("kubeproxy.sync", this::sync);
    }

    /** The EndpointSlice controller wrote the pod's endpoint as ready or not. */
    void sliceChanged(int pod, boolean ready, long now) {
        if (pod >= seenReady.length) {
            seenReady = Arrays.copyOf(seenReady, PodTable.capacityFor(pod, seenReady.length));
        }
        // the watch event carries the object as written; the informer delivers it later
        seenReady[pod] = ready;
        sim.schedule(now + watch.sample(rng), observedKind, pod);
    }

    private void observed(int pod, long now) {
        pendingChanges.add(pod);
        if (!syncQueued) {
            syncQueued = true;
            sim.schedule(nextSync(now), syncKind, 0);
        }
    }

    /** When the runner lets a sync requested at {@code now} start. */
    long nextSync(long now) {
        if (minSync == 0 || lastSync == SimTime.NEVER) {
            return now;
        }
        long earliest = lastSync + minSync;
        if (!burst) {
            return Math.max(now, earliest);
        }
        double available = tokensAt(now);
        if (available >= 1) {
            return now;
        }
        long tokenAt = now + (long) Math.ceil((1 - available) * minSync);
        return Math.max(earliest, tokenAt);
    }

    private double tokensAt(long t) {
        return Math.min(BURST, tokens + (double) (t - tokensAt) / minSync);
    }

    private void sync(int unused, long now) {
        syncQueued = false;
        if (burst && minSync > 0) {
            tokens = tokensAt(now) - 1;
            tokensAt = now;
        }
        lastSync = now;
        for (int i = 0; i < pendingChanges.size(); i++) {
            int p = pendingChanges.get(i);
            endpoints.proxied(p, seenReady[p], now);
        }
        pendingChanges.clear();
    }
}
