package io.nodesim.nodelifecycle;

import io.nodesim.kubelet.HeartbeatSequence;
import java.util.BitSet;

/**
 * The nodes a monitor pass may pass over without looking at them. Ready, healthy, untainted
 * nodes whose kubelets are provably renewing in time, which are most nodes most of the time: for
 * such a node a pass only finds a newer heartbeat (probe timestamp = the pass's start) and counts
 * it as Ready in its zone; the count is added for all of them at once, and the probe timestamps
 * are worked out later, exactly, from the pass start times and the heartbeats, when the node is
 * looked at again. This is what keeps a 1,000-node year, 6 million passes, in seconds. And nodes
 * already Unknown, tainted unreachable and queued, whose kubelets cannot be heard until their
 * fault changes: a pass only counts them not Ready (a lost zone, for hours).
 *
 * <p>A node is asleep from the end of a turn that met {@link PassOverRules}' conditions
 * until anything about it may change: its kubelet's faults, a Ready condition written, its taints,
 * its deletion, an API-server outage, a controller restart. The controller wakes it then; the pass
 * that follows looks at it again. Passes an asleep node was passed over by all pass it at their
 * start: when a pass has to wait for its workers before it reaches the end of the node list, the
 * asleep nodes still ahead of it are woken and looked at when it reaches them ({@link #wakeFrom}).
 */
final class QuietNodes {
    private final int nodes;
    private final int[] zoneOf;
    private final boolean[] countedInZone;
    private final BitSet awake;
    private final boolean[] asleep;
    /** For an asleep node, the last pass already in its probe timestamp. */
    private final long[] settled;
    /** The controller's probe timestamps, which this class keeps up to date for the nodes it wakes. */
    private final long[] probe;
    private final HeartbeatSequence lease;
    private final HeartbeatSequence status;
    /** Asleep nodes per zone that every pass counts as Ready, and as not Ready, without looking. */
    private final int[] asleepReady;
    private final int[] asleepNotReady;
    /** For an asleep node, whether it is counted Ready. */
    private final boolean[] sleepsReady;
    /** Recent pass start times, by pass number modulo the ring's size. */
    private final long[] passStarts;
    private final int ringMask;
    private long lastPass;

    /**
     * @param countedInZone whether each node is counted in its zone's disruption state
     * @param passesToKeep how many recent pass start times a catch-up may need
     */
    QuietNodes(int nodes, int[] zoneOf, int zones, boolean[] countedInZone, int passesToKeep, long[] probe,
            HeartbeatSequence lease, HeartbeatSequence status) {
        this.nodes = nodes;
        this.zoneOf = zoneOf;
        this.countedInZone = countedInZone;
        awake = new BitSet(nodes);
        awake.set(0, nodes);
        asleep = new boolean[nodes];
        settled = new long[nodes];
        this.probe = probe;
        this.lease = lease;
        this.status = status;
        asleepReady = new int[zones];
        asleepNotReady = new int[zones];
        sleepsReady = new boolean[nodes];
        int ring = Integer.highestOneBit(Math.max(passesToKeep, 16) - 1) << 1;
        passStarts = new long[ring];
        ringMask = ring - 1;
    }

    /** Pass {@code pass} starts at {@code start}; the asleep nodes count as Ready in their zones. */
    void passStarted(long pass, long start, ZoneDisruption zones) {
        lastPass = pass;
        passStarts[(int) (pass & ringMask)] = start;
        for (int z = 0; z < asleepReady.length; z++) {
            zones.count(z, asleepReady[z], asleepNotReady[z]);
        }
    }

    /** The first awake node at or after {@code from}, or -1. */
    int nextAwake(int from) {
        return from >= nodes ? -1 : awake.nextSetBit(from);
    }

    /**
     * The node's turn in pass {@code pass} ended in a state the next passes need not look at; they
     * count it {@code ready} or not in its zone.
     */
    void sleep(int node, long pass, boolean ready) {
        if (asleep[node]) {
            // Sleeping twice would count the node twice in its zone for good: fail loudly instead.
            throw new IllegalStateException("node " + node + " is asleep already (pass " + pass + ")");
        }
        asleep[node] = true;
        awake.clear(node);
        settled[node] = pass;
        sleepsReady[node] = ready;
        if (countedInZone[node]) {
            (ready ? asleepReady : asleepNotReady)[zoneOf[node]]++;
        }
    }

    /**
     * Something about the node may change: the next pass to reach it looks at it. Its probe
     * timestamp is caught up at once to {@code lastPassedBy}, the last pass that passed over it,
     * while its kubelet's renewals are still those the passes saw (a restarted kubelet starts anew).
     */
    void wake(int node, long lastPassedBy) {
        if (!asleep[node]) {
            return;
        }
        catchUp(node, lastPassedBy);
        asleep[node] = false;
        awake.set(node);
        if (countedInZone[node]) {
            (sleepsReady[node] ? asleepReady : asleepNotReady)[zoneOf[node]]--;
        }
    }

    /**
     * Pass {@code pass} has to wait for its workers before it reaches {@code from}: the asleep nodes
     * from there on are looked at when it gets to them, and are taken out of its zone counts.
     */
    void wakeFrom(int from, long pass, ZoneDisruption zones) {
        for (int i = awake.nextClearBit(from); i < nodes; i = awake.nextClearBit(i + 1)) {
            if (asleep[i]) {
                wake(i, pass - 1);
                if (countedInZone[i]) {
                    zones.count(zoneOf[i], sleepsReady[i] ? -1 : 0, sleepsReady[i] ? 0 : -1);
                }
            }
        }
    }

    /** Wakes every asleep node; {@code lastPassedBy} as for {@link #wake}. */
    void wakeAll(long lastPassedBy) {
        for (int i = 0; i < nodes; i++) {
            wake(i, lastPassedBy);
        }
    }

    /** The probe timestamp of an asleep node caught up to the last pass (for reading it). */
    void catchUp(int node) {
        if (asleep[node]) {
            catchUp(node, lastPass);
        }
    }

    /**
     * The passes after {@code settled} up to {@code through} passed over the node: the probe
     * timestamp is the start of the first of them not before the time its newest renewal could be
     * passed ({@link HeartbeatSequence#walkUpTo}), unchanged when they passed none.
     */
    private void catchUp(int node, long through) {
        long from = settled[node];
        if (through <= from) {
            return;
        }
        settled[node] = through;
        long at = passStart(through);
        long seen = status.walkUpTo(node, at);
        if (lease != null) {
            seen = Math.max(seen, lease.walkUpTo(node, at));
        }
        if (seen != HeartbeatSequence.NOT_SEEN) {
            probe[node] = Math.max(probe[node], firstPassFrom(seen, from + 1, through));
        }
    }

    private long passStart(long pass) {
        if (lastPass - pass > ringMask) {
            throw new IllegalStateException("pass " + pass + " is no longer kept (last " + lastPass + ")");
        }
        return passStarts[(int) (pass & ringMask)];
    }

    /** The start of the first pass in [lo, hi] that starts at or after {@code t}; pass hi does. */
    private long firstPassFrom(long t, long lo, long hi) {
        long low = Math.max(lo, lastPass - ringMask);
        if (low > lo && passStart(low) >= t) {
            throw new IllegalStateException("a heartbeat seen at " + t + " precedes the passes kept");
        }
        long high = hi;
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (passStart(mid) >= t) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return passStart(low);
    }
}
