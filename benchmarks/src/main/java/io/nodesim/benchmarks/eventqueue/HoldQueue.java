package io.nodesim.benchmarks.eventqueue;

import io.nodesim.kernel.CalendarEventQueue;
import io.nodesim.kernel.QuaternaryHeapEventQueue;
import java.util.Locale;

/**
 * The three operations the event-queue benchmarks time, over one pending-event set.
 *
 * <p>Events are either untracked (the hold model: nothing keeps a reference to a fired event, so no
 * garbage is retained that a real simulator would not retain) or tracked under an index {@code k},
 * for the cancel benchmark, which cancels them through their handle.
 */
public interface HoldQueue {
    /** Adds an untracked event. */
    void add(long time);

    /** Adds an event that {@link #replace} can later cancel by its index {@code k}. */
    void addTracked(int k, long time);

    /** Pops the earliest event and schedules its successor at its time + {@code increment}; returns that time. */
    long hold(long increment);

    /** Cancels tracked event {@code k} through its handle and schedules a new event {@code k} at {@code time}. */
    void replace(int k, long time);

    /** The earliest pending time. */
    long peekTime();

    int size();

    /**
     * The adapter named by a benchmark's {@code impl} parameter.
     *
     * @param tracked how many tracked events the caller will add (0 for the hold model)
     */
    static HoldQueue create(String impl, int tracked) {
        switch (impl.toLowerCase(Locale.ROOT)) {
            case "calendarqueue":
                return new EngineHoldQueue(new CalendarEventQueue(), tracked);
            case "quaternaryheap":
                return new EngineHoldQueue(new QuaternaryHeapEventQueue(), tracked);
            case "priorityqueue":
                return new PriorityQueueHoldQueue(tracked);
            case "ssjsplaytree":
                return new SsjHoldQueue(tracked);
            case "dsolredblacktree":
                return new DsolHoldQueue(tracked);
            case "cloudsimplusfuturequeue":
                return new CloudSimPlusHoldQueue(tracked);
            default:
                throw new IllegalArgumentException("unknown event queue implementation: " + impl);
        }
    }
}
