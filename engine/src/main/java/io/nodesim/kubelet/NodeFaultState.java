package io.nodesim.kubelet;

import io.nodesim.cluster.ControlPlane;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * What the faults did to each node's kubelet, as the rules that decide whether a heartbeat sent at
 * time s is recorded: a stopped kubelet sends nothing from {@code stopAt}; a partitioned node's
 * writes in [cutFrom, cutTo) are lost, as are all writes during a control-plane outage; during
 * [delayFrom, delayTo) each write takes a sample of the fault's delay. Faults only set these
 * fields; the controllers find out through the missing heartbeats. Only a node's last cut and last
 * delay window are kept: its listeners are told before a new window replaces the last, so a
 * catch-up walks the writes sent so far under the window they were sent in (a write still in
 * flight then is judged under the new one).
 */
public final class NodeFaultState {
    public static final int CRASHED = 1;
    public static final int KUBELET_STOPPED = 1 << 1;
    public static final int PARTITIONED = 1 << 2;
    public static final int DELAYED = 1 << 3;
    /** The node's kubelet has not posted its first status (a node that joins during the run). */
    public static final int NOT_REGISTERED = 1 << 4;
    private static final int STOPPED = CRASHED | KUBELET_STOPPED | NOT_REGISTERED;

    final int[] active;
    final long[] stopAt;
    final int[] epoch;
    final long[] epochStart;
    final long[] cutFrom;
    final long[] cutTo;
    final long[] delayFrom;
    final long[] delayTo;
    final DurationDistribution[] delay;
    final ControlPlane controlPlane;
    static final int ATTEMPTS = 5;
    static final long FAILED = Long.MIN_VALUE;
    private final long attemptTimeout;
    /** Whether the write of the last {@link #writeDuration} call was recorded. */
    boolean lastRecorded;
    private IntConsumer changed = node -> { };

    /**
     * @param attemptTimeout the kubelet heartbeat client's timeout: min(nodeLeaseDurationSeconds,
     *     nodeStatusUpdateFrequency) (cmd/kubelet/app/server.go)
     */
    public NodeFaultState(int nodes, ControlPlane controlPlane, long attemptTimeout) {
        this.controlPlane = controlPlane;
        this.attemptTimeout = attemptTimeout;
        active = new int[nodes];
        stopAt = filled(nodes, SimTime.NEVER);
        epoch = new int[nodes];
        epochStart = filled(nodes, SimTime.NEVER);
        cutFrom = filled(nodes, SimTime.NEVER);
        cutTo = filled(nodes, SimTime.NEVER);
        delayFrom = filled(nodes, SimTime.NEVER);
        delayTo = filled(nodes, SimTime.NEVER);
        delay = new DurationDistribution[nodes];
    }

    private static long[] filled(int n, long v) {
        long[] a = new long[n];
        Arrays.fill(a, v);
        return a;
    }

    /**
     * Tells {@code listener} of every change to a node's rules, at the instant a fault sets them:
     * for simulation bookkeeping only (the controllers still learn of faults from the heartbeats).
     */
    public void onChange(IntConsumer listener) {
        IntConsumer before = changed;
        changed = node -> {
            before.accept(node);
            listener.accept(node);
        };
    }

    /**
     * True when every write the node's kubelet sends from {@code s} on, until the next change, is
     * sent under no fault: running, not cut off, not delayed.
     */
    public boolean healthyFrom(int node, long s) {
        return active[node] == 0 && (cutFrom[node] == SimTime.NEVER || s >= cutTo[node])
                && (delayFrom[node] == SimTime.NEVER || s >= delayTo[node]);
    }

    /**
     * True when no write the node's kubelet sends from {@code s} on can be recorded until the rules
     * change: the kubelet is stopped, or the node is cut off with no heal yet. A HeartbeatDelay
     * alone never is: a later write may draw a latency within the client's timeout.
     */
    public boolean silencedFrom(int node, long s) {
        return stopAt[node] <= s || (cutFrom[node] <= s && cutTo[node] == SimTime.NEVER);
    }

    /**
     * The end (exclusive) of the stretch from {@code s} in which every write the node's kubelet
     * sends is sent under no fault, as far as the rules set so far go; {@code s} itself when a write
     * sent at {@code s} is not.
     */
    public long healthyUntil(int node, long s) {
        long until = Math.min(stopAt[node], controlPlane.upUntil(s));
        until = Math.min(until, windowFrom(s, cutFrom[node], cutTo[node]));
        return Math.max(s, Math.min(until, windowFrom(s, delayFrom[node], delayTo[node])));
    }

    /** When a window [from, to) next affects a write sent at or after s: s itself if it covers s. */
    private static long windowFrom(long s, long from, long to) {
        if (s >= to) {
            return SimTime.NEVER;
        }
        return Math.max(s, from);
    }

    public boolean has(int node, int fault) {
        return (active[node] & fault) != 0;
    }

    public int active(int node) {
        return active[node];
    }

    /** The kubelet process stops sending (crash or stop); a no-op if it is already stopped. */
    public void stopKubelet(int node, long t, int fault) {
        if ((active[node] & STOPPED) == 0) {
            stopAt[node] = t;
        }
        active[node] |= fault;
        changed.accept(node);
    }

    /**
     * Clears a crash or stop; when no other stop remains the kubelet starts again at {@code t}
     * (a new epoch of heartbeats). Returns true when it restarted.
     */
    public boolean restartKubelet(int node, long t, int fault) {
        if ((active[node] & fault) == 0) {
            return false;
        }
        active[node] &= ~fault;
        changed.accept(node);
        if ((active[node] & STOPPED) != 0) {
            return false;
        }
        stopAt[node] = SimTime.NEVER;
        epoch[node]++;
        epochStart[node] = t;
        return true;
    }

    public void partition(int node, long t) {
        // Told before the new window replaces the last one: writes sent in that one still pending
        // are caught up under it.
        changed.accept(node);
        if (!has(node, PARTITIONED)) {
            cutFrom[node] = t;
            cutTo[node] = SimTime.NEVER;
        }
        active[node] |= PARTITIONED;
    }

    /** Heals a partition; returns true when the node was partitioned. */
    public boolean heal(int node, long t) {
        if (!has(node, PARTITIONED)) {
            return false;
        }
        active[node] &= ~PARTITIONED;
        cutTo[node] = t;
        changed.accept(node);
        return true;
    }

    public void startDelay(int node, long t, DurationDistribution d) {
        changed.accept(node);
        delayFrom[node] = t;
        delayTo[node] = SimTime.NEVER;
        delay[node] = d;
        active[node] |= DELAYED;
    }

    public boolean endDelay(int node, long t) {
        if (!has(node, DELAYED)) {
            return false;
        }
        active[node] &= ~DELAYED;
        delayTo[node] = t;
        changed.accept(node);
        return true;
    }

    /** True when the kubelet runs and can reach the API server at {@code t}. */
    public boolean connected(int node, long t) {
        return (active[node] & (STOPPED | PARTITIONED)) == 0 && controlPlane.isUp(t);
    }

    /**
     * How long a heartbeat write sent at {@code s} takes, and (in {@link #lastRecorded}) whether it
     * reached etcd. The kubelet's heartbeat client (cmd/kubelet/app/server.go) bounds every request
     * by {@code attemptTimeout}; the lease controller's {@code retryUpdateLease}
     * ({@code maxUpdateRetries} = 5) and the status loop's {@code updateNodeStatus}
     * ({@code nodeStatusUpdateRetry} = 5) retry a failed attempt at once, {@value #ATTEMPTS}
     * attempts in all. An attempt sent across a partition times out; one sent during an etcd stall
     * is answered when the stall ends; one whose latency (a fresh draw from the distribution in force
     * when it is sent, e.g. a HeartbeatDelay) exceeds the timeout is cancelled by the client and not
     * recorded. When every attempt fails the write is lost after them all.
     */
    long writeDuration(int node, long s, DurationDistribution normal, RandomGenerator rng) {
        lastRecorded = true;
        for (int a = 0; a < ATTEMPTS; a++) {
            long attempt = s + a * attemptTimeout;
            long answered = attemptAnswered(node, attempt, normal, rng);
            if (answered != FAILED) {
                return answered - s;
            }
        }
        lastRecorded = false;
        return ATTEMPTS * attemptTimeout;
    }

    /** When one attempt sent at {@code t} is answered, or {@link #FAILED} when it times out. */
    private long attemptAnswered(int node, long t, DurationDistribution normal, RandomGenerator rng) {
        if (partitioned(node, t)) {
            return FAILED;
        }
        return attemptAnswered(t, latency(node, t, normal).sample(rng));
    }

    /** An attempt sent at {@code t} (not across a partition) that takes {@code latency} once served. */
    long attemptAnswered(long t, long latency) {
        long served = controlPlane.isUp(t) ? t : controlPlane.upAgainAt(t);
        // Compared before adding: during an outage whose end is not known yet, served is NEVER.
        return served - t <= attemptTimeout - latency ? served + latency : FAILED;
    }

    boolean partitioned(int node, long t) {
        return t >= cutFrom[node] && t < cutTo[node];
    }

    long attemptTimeout() {
        return attemptTimeout;
    }

    /** The write latency distribution in force for a write sent at {@code s}. */
    DurationDistribution latency(int node, long s, DurationDistribution normal) {
        return s >= delayFrom[node] && s < delayTo[node] ? delay[node] : normal;
    }
}
