package io.nodesim.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The simulation loop: a clock, an {@link EventQueue} and one {@link EventHandler} per event kind.
 *
 * <p>Components register a handler once ({@link #registerKind}) and get back an int kind; they then
 * schedule events as (time, kind, target) triples, which keeps the hot loop free of allocation and
 * of virtual dispatch on event objects. The clock only moves forward: scheduling into the past is a
 * programming error and throws. Events at equal times fire in the order they were scheduled.
 *
 * <p>{@link #runUntil} fires every event with {@code time <= end}, then leaves the clock at
 * {@code end}; stop conditions are checked after every event, and invariant checks run when a run
 * ends, however it ended. {@code runUntil(SimTime.NEVER)} runs until no event is left and leaves the
 * clock at the last event's time, since a clock at {@code NEVER} could schedule nothing more.
 */
public final class Simulation {
    private final EventQueue queue;
    private EventHandler[] handlers = new EventHandler[16];
    private String[] kindNames = new String[16];
    private int kinds;
    private long now;
    private long eventsFired;
    private boolean stopRequested;
    private final List<BooleanSupplier> stopConditions = new ArrayList<>();
    private final List<Runnable> invariantChecks = new ArrayList<>();

    public Simulation() {
        this(new CalendarEventQueue());
    }

    public Simulation(EventQueue queue) {
        this.queue = queue;
    }

    /** Registers the handler of a new event kind; the name appears in error messages. */
    public int registerKind(String name, EventHandler handler) {
        if (kinds == handlers.length) {
            handlers = Arrays.copyOf(handlers, kinds * 2);
            kindNames = Arrays.copyOf(kindNames, kinds * 2);
        }
        handlers[kinds] = handler;
        kindNames[kinds] = name;
        return kinds++;
    }

    public long now() {
        return now;
    }

    public long eventsFired() {
        return eventsFired;
    }

    public int pendingEvents() {
        return queue.size();
    }

    public long schedule(long time, int kind, int target) {
        if (kind < 0 || kind >= kinds) {
            throw new IllegalArgumentException("event kind " + kind + " was never registered");
        }
        if (time < now) {
            throw new IllegalArgumentException("cannot schedule " + kindNames[kind] + " at " + time
                    + " us: the clock is already at " + now + " us");
        }
        return queue.schedule(time, kind, target);
    }

    public long scheduleAfter(long delay, int kind, int target) {
        if (delay < 0) {
            throw new IllegalArgumentException("negative delay " + delay + " us for event kind " + kind);
        }
        return schedule(now + delay, kind, target);
    }

    public boolean cancel(long handle) {
        return queue.cancel(handle);
    }

    public boolean reschedule(long handle, long newTime) {
        if (newTime < now) {
            throw new IllegalArgumentException("cannot reschedule to " + newTime + " us: the clock is at " + now + " us");
        }
        return queue.reschedule(handle, newTime);
    }

    public boolean isPending(long handle) {
        return queue.isPending(handle);
    }

    public long timeOf(long handle) {
        return queue.timeOf(handle);
    }

    public void addStopCondition(BooleanSupplier condition) {
        stopConditions.add(condition);
    }

    /** A check that throws when the model's state is inconsistent; run at the end of every run. */
    public void addInvariantCheck(Runnable check) {
        invariantChecks.add(check);
    }

    /** Asks the loop to stop after the event being fired. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Fires events up to and including {@code end}. Returns true when the run reached {@code end},
     * false when a stop condition or {@link #stop()} ended it early (the clock then stays at the last
     * event's time).
     */
    public boolean runUntil(long end) {
        if (end < now) {
            throw new IllegalArgumentException("end " + end + " us is before the clock " + now + " us");
        }
        stopRequested = false;
        boolean reachedEnd = true;
        while (!queue.isEmpty() && queue.peekTime() <= end) {
            queue.pop();
            now = queue.poppedTime();
            eventsFired++;
            handlers[queue.poppedKind()].fire(queue.poppedTarget(), now);
            if (stopRequested || anyStopCondition()) {
                reachedEnd = false;
                break;
            }
        }
        if (reachedEnd && end != SimTime.NEVER) {
            now = end;
        }
        checkInvariants();
        return reachedEnd;
    }

    public void checkInvariants() {
        for (Runnable check : invariantChecks) {
            check.run();
        }
    }

    private boolean anyStopCondition() {
        for (int i = 0, n = stopConditions.size(); i < n; i++) {
            if (stopConditions.get(i).getAsBoolean()) {
                return true;
            }
        }
        return false;
    }
}
