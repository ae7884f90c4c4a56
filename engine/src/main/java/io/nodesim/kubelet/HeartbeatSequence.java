package io.nodesim.kubelet;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;

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
    /** {@link #walkUpTo} passed no recorded write. */
    public static final long NOT_SEEN = Long.MIN_VALUE;

    private final long period;
    private final double jitter;
    private final DurationDistribution writeLatency;
    private final DurationDistribution watchLatency;
    private final NodeFaultState faults;
    private final CounterRandom rng;
    private final boolean skimmable;
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
        // Skimming needs every healthy write to take the same time and watch delays too close together
        // to reorder writes, so the newest write passed is the one seen last.
        this.skimmable = writeLatency.min() == writeLatency.max() && writeLatency.max() <= faults.attemptTimeout()
                && watchLatency.max() != Long.MAX_VALUE && watchLatency.max() - watchLatency.min() < period;
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
        return walkUpTo(node, t) != NOT_SEEN;
    }

    /**
     * {@link #observeUpTo}, telling when the newest recorded write it passed could first have been
     * passed: the latest time the informer saw it or any write before it (the cursor takes writes
     * in order, so a write seen early waits for an earlier one seen late). A caller that observes at
     * a series of times passes that write at the first of them not before the returned time.
     * {@link #NOT_SEEN} when no recorded write was passed.
     */
    public long walkUpTo(int node, long t) {
        syncEpoch(node);
        long seenBy = skimUpTo(node, t);
        long passable = seenBy;
        int e = epoch[node];
        while (true) {
            long s = start[node];
            if (s >= faults.stopAt[node] || s > t) {
                // Not sent yet (or never: the kubelet is stopped).
                return seenBy;
            }
            int kk = k[node];
            long w = faults.writeDuration(node, s, writeLatency, rng.reset(kk, node, e, WRITE));
            boolean recorded = faults.lastRecorded;
            long done = recorded ? s + w + watchLatency.sample(rng.reset(kk, node, e, WATCH)) : s + w;
            if (done > t) {
                // Not seen yet, or its failed attempts are not over (a heal could still save it).
                return seenBy;
            }
            passable = Math.max(passable, done);
            if (recorded) {
                seenBy = passable;
            }
            start[node] = s + w + interval(node, kk, e);
            k[node] = kk + 1;
        }
    }


    /**
     * The start of {@link #walkUpTo} over writes sent under no fault and certainly seen by {@code t}:
     * with a constant write latency each such write is recorded and takes that latency, so only its
     * jitter is drawn (a year of 10 s renewals is 3 million writes a node). Returns when the last of
     * them was seen ({@link #NOT_SEEN} when none); its watch delay is the only one drawn.
     */
    private long skimUpTo(int node, long t) {
        if (!skimmable) {
            return NOT_SEEN;
        }
        long s = start[node];
        long w = writeLatency.max();
        // The last write to skim is sent before the fault rules change and certainly seen by t.
        long lastSent = Math.min(t - w - watchLatency.max(), faults.healthyUntil(node, s) - 1);
        int e = epoch[node];
        int kk = k[node];
        long lastStart = Long.MIN_VALUE;
        long fixed = w + period;
        if (jitter == 0) {
            long writes = Math.max(0, Math.floorDiv(lastSent - s, fixed) + 1);
            lastStart = writes == 0 ? Long.MIN_VALUE : s + (writes - 1) * fixed;
            s += writes * fixed;
            kk += (int) writes;
        } else {
            double scale = jitter;
            long p = period;
            while (s <= lastSent) {
                lastStart = s;
                s += fixed + (long) (rng.firstDouble(kk, node, e, JITTER) * scale * p);
                kk++;
            }
        }
        if (lastStart == Long.MIN_VALUE) {
            return NOT_SEEN;
        }
        start[node] = s;
        k[node] = kk;
        return lastStart + w + watchLatency.sample(rng.reset(kk - 1, node, e, WATCH));
    }

    /**
     * When the informer sees the next write at the cursor if nothing changes for the node meanwhile,
     * or {@link SimTime#NEVER} when it is not sent or not recorded. The cursor does not move.
     */
    public long nextSeen(int node) {
        syncEpoch(node);
        long s = start[node];
        if (s >= faults.stopAt[node]) {
            return SimTime.NEVER;
        }
        int kk = k[node];
        int e = epoch[node];
        long w = faults.writeDuration(node, s, writeLatency, rng.reset(kk, node, e, WRITE));
        return faults.lastRecorded ? s + w + watchLatency.sample(rng.reset(kk, node, e, WATCH)) : SimTime.NEVER;
    }

    /** When the write at the node's cursor is (or was) sent. */
    public long nextSent(int node) {
        syncEpoch(node);
        return start[node];
    }

    /**
     * The longest time between two consecutive writes seen by the informer while every write is
     * recorded at its first attempt; {@link Long#MAX_VALUE} when the latencies are unbounded, or
     * when a write may outlast the client's timeout.
     */
    public long longestGapWhileHealthy() {
        long wMax = writeLatency.max();
        long watchMax = watchLatency.max();
        if (wMax == Long.MAX_VALUE || watchMax == Long.MAX_VALUE || wMax > faults.attemptTimeout()) {
            return Long.MAX_VALUE;
        }
        return period + (long) (jitter * period) + wMax + watchMax - watchLatency.min();
    }

    private long interval(int node, int kk, int e) {
        return jitter == 0 ? period : period + (long) (rng.firstDouble(kk, node, e, JITTER) * jitter * period);
    }

    private void syncEpoch(int node) {
        if (epoch[node] != faults.epoch[node]) {
            epoch[node] = faults.epoch[node];
            k[node] = 0;
            start[node] = faults.epochStart[node];
        }
    }
}
