package io.nodesim.cluster;

import io.nodesim.kernel.SimTime;
import java.util.Arrays;

/**
 * The control plane's processes as the world sees them: whether the API server (and etcd behind it)
 * accepts writes, and when kube-controller-manager restarts. During an outage no heartbeat is
 * recorded and every controller write fails; controllers keep running on their informer caches.
 * The windows are kept for the whole run because heartbeats are evaluated lazily, possibly after
 * the outage ended.
 */
public final class ControlPlane {
    /** kube-apiserver {@code --request-timeout} (1 m): a controller write blocked longer than this fails. */
    public static final long REQUEST_TIMEOUT = SimTime.MINUTE;
    private long[] from = new long[4];
    private long[] to = new long[4];
    private int windows;
    private final InformerBus bus;

    /** @param bus where the end of an outage is published: blocked requests get their answers then */
    public ControlPlane(InformerBus bus) {
        this.bus = bus;
    }

    /** Starts an outage at {@code t}; it lasts until {@link #endOutage}. */
    public void startOutage(long t) {
        if (windows > 0 && to[windows - 1] == SimTime.NEVER) {
            return;
        }
        if (windows == from.length) {
            from = Arrays.copyOf(from, windows * 2);
            to = Arrays.copyOf(to, windows * 2);
        }
        from[windows] = t;
        to[windows] = SimTime.NEVER;
        windows++;
    }

    public void endOutage(long t) {
        if (windows > 0 && to[windows - 1] == SimTime.NEVER) {
            to[windows - 1] = t;
            bus.apiServerRecovered(t);
        }
    }

    /**
     * The kube-controller-manager process stops at {@code now} (a restart or a leader failover); its
     * new instance runs {@code downtime} later.
     */
    public void restartControllerManager(long now, long downtime) {
        bus.controllerManagerRestarted(now, downtime);
    }

    /** How many outages have started so far. */
    public int outagesStarted() {
        return windows;
    }

    /** True when every write issued from {@code t} on is accepted, as far as the outages so far go. */
    public boolean upFrom(long t) {
        return windows == 0 || to[windows - 1] <= t;
    }

    /** When the next outage from {@code t} on begins ({@code t} itself during one), as far as they are known. */
    public long upUntil(long t) {
        for (int i = 0; i < windows; i++) {
            if (to[i] > t) {
                return Math.max(t, from[i]);
            }
        }
        return SimTime.NEVER;
    }

    /** The end of the last outage over by {@code t}, {@link Long#MIN_VALUE} when none is. */
    public long lastOutageEnd(long t) {
        long end = Long.MIN_VALUE;
        for (int i = 0; i < windows; i++) {
            if (to[i] <= t) {
                end = Math.max(end, to[i]);
            }
        }
        return end;
    }

    /** True when a write issued at {@code t} is accepted. */
    public boolean isUp(long t) {
        for (int i = windows - 1; i >= 0; i--) {
            if (t >= from[i] && t < to[i]) {
                return false;
            }
        }
        return true;
    }

    /** The end of the outage that covers {@code t} ({@link SimTime#NEVER} for an open one), or t itself. */
    public long upAgainAt(long t) {
        for (int i = windows - 1; i >= 0; i--) {
            if (t >= from[i] && t < to[i]) {
                return to[i];
            }
        }
        return t;
    }
}
