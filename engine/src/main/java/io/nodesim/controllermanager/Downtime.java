package io.nodesim.controllermanager;

/**
 * The window in which a restarted controller's new instance does not run yet: work that falls due
 * in it waits for the new instance, which relists and does it when it starts.
 */
public final class Downtime {
    private long until = Long.MIN_VALUE;

    /** The process stopped at {@code now}; the new instance starts {@code downtime} later. */
    public void begin(long now, long downtime) {
        until = now + downtime;
    }

    /** True when work due at {@code now} must wait for the new instance. */
    public boolean covers(long now) {
        return now < until;
    }

    /** When the new instance starts. */
    public long until() {
        return until;
    }
}
