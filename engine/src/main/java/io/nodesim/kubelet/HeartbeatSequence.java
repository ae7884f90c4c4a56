package io.nodesim.kubelet;

import io.nodesim.kernel.DurationDistribution;

/**
 * One periodic kubelet write, evaluated lazily: the Lease renewal of
 * {@code staging/src/k8s.io/component-helpers/apimachinery/lease/controller.go} (1.17+; jitter 0.04,
 * none in the older kubelet nodelease controller) or the periodic NodeStatus post of
 * {@code pkg/kubelet/kubelet_node_status.go} (the only heartbeat in 1.12). The loop is the sliding {@code wait.JitterUntil(f, period, jitter, sliding=true)} of
 * k8s.io/apimachinery: the next write starts {@code period × (1 + jitter × u)} after the previous
 * write <em>finished</em>, so s(k+1) = s(k) + w(k) + period × (1 + jitter × u(k)). Write k is
 * recorded if the fault rules allow it at s(k) and is seen by the controller manager's informer at
 * s(k) + w(k) + λ(k); a lost write still occupies the loop for its failed attempts. Every draw comes from {@link CounterRandom} keyed by (node, epoch, k).
 *
 * <p>{@link #observeUpTo} is called with non-decreasing times per node (one monitor pass after
 * another) and walks a per-node cursor: O(1) amortised per node per pass, and no kernel event per
 * renewal. That is what makes a 100,000-node hour cheap (36 M renewals are never queued).
 */
public final class HeartbeatSequence {
    private static final int JITTER = 0;
    private static final int WRITE = 1;
    private static final int WATCH = 2;
    private static final int PHASE = 3;

    private final long period;
    private final double jitter;
    private final DurationDistribution writeLatency;
    private final DurationDistribution watchLatency;
    private final NodeFaultState faults;
    private final CounterRandom rng;
    private final int[] epoch;
    private final int[] k;
    private final long[] start;

    /**
     * @param period the loop period (lease: 0.25 × nodeLeaseDurationSeconds)
     * @param jitter the JitterUntil factor (0.04 in the component-helpers lease controller, 0 before)
     */
    public HeartbeatSequence(int nodes, long period, double jitter, DurationDistribution writeLatency,
            DurationDistribution watchLatency, NodeFaultState faults, long streamSeed) {
        if (period <= 0) {
            throw new IllegalArgumentException("heartbeat period must be > 0");
        }
        this.period = period;
        this.jitter = jitter;
        this.writeLatency = writeLatency;
        this.watchLatency = watchLatency;
        this.faults = faults;
        this.rng = new CounterRandom(streamSeed);
        epoch = new int[nodes];
        k = new int[nodes];
        start = new long[nodes];
        for (int i = 0; i < nodes; i++) {
            // The cluster has run for a while: the write in flight at t = 0 started uniformly in (-period, 0].
            start[i] = -(long) Math.floor(rng.reset(-1, i, 0, PHASE).nextDouble() * period);
        }
    }

    public long period() {
        return period;
    }

    /**
     * Advances the node's cursor over every write seen by the informer at or before {@code t};
     * returns true when at least one of them was recorded (a newer heartbeat for the controller).
     */
    public boolean observeUpTo(int node, long t) {
        syncEpoch(node);
        boolean seen = false;
        int e = epoch[node];
        while (true) {
            long s = start[node];
            if (s >= faults.stopAt[node] || s > t) {
                // Not sent yet (or never: the kubelet is stopped).
                return seen;
            }
            int kk = k[node];
            long w = faults.writeDuration(node, s, writeLatency, rng.reset(kk, node, e, WRITE));
            boolean recorded = faults.lastRecorded;
            long observed = s + w + watchLatency.sample(rng.reset(kk, node, e, WATCH));
            if (recorded ? observed > t : s + w > t) {
                // Not seen yet, or its failed attempts are not over (a heal could still save it).
                return seen;
            }
            seen |= recorded;
            long interval = jitter == 0 ? period
                    : period + (long) (rng.reset(kk, node, e, JITTER).nextDouble() * jitter * period);
            start[node] = s + w + interval;
            k[node] = kk + 1;
        }
    }

    private void syncEpoch(int node) {
        if (epoch[node] != faults.epoch[node]) {
            epoch[node] = faults.epoch[node];
            k[node] = 0;
            start[node] = faults.epochStart[node];
        }
    }
}
