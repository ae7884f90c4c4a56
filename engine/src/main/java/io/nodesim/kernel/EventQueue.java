package io.nodesim.kernel;

/**
 * The pending-event set of a simulation.
 *
 * <h2>Ordering contract</h2>
 * Events leave the queue in increasing order of {@code time}; events with equal times leave in the
 * order in which they were <em>scheduled</em> (first in, first out). A {@link #reschedule reschedule}
 * counts as a new scheduling: the event goes behind every event already waiting at its new time.
 *
 * <p>A binary or d-ary heap alone is not stable: two keys that compare equal come out in an order
 * that depends on the heap's history, so a run would depend on how many unrelated events happened to
 * be pending. Each implementation therefore orders by the pair (time, insertion sequence), where the
 * sequence is a counter that never repeats within a queue. That makes every run of a scenario with a
 * given seed replay the same event order, whatever else changes in the implementation.
 *
 * <h2>Handles</h2>
 * {@link #schedule} returns a {@code long} handle that names the event until it fires or is
 * cancelled. Handles carry a generation, so a stale handle (its event already fired) is recognised
 * and ignored by {@link #cancel} and {@link #isPending} instead of hitting an unrelated event that
 * happens to reuse the storage. In {@link QuaternaryHeapEventQueue} cancel and reschedule are
 * O(log n).
 *
 * <h2>Payload</h2>
 * An event carries two ints, a {@code kind} (which handler) and a {@code target} (which node, pod,
 * zone...), so that scheduling and firing allocate nothing. After {@link #pop()} the fired event's
 * fields are read with {@link #poppedTime()}, {@link #poppedKind()} and {@link #poppedTarget()}.
 */
public interface EventQueue {
    /** A handle that names no event; {@link #cancel} and {@link #isPending} accept it. */
    long NO_HANDLE = -1L;

    /** Schedules an event and returns its handle. {@code time} may be any value, including the past. */
    long schedule(long time, int kind, int target);

    /** Removes a pending event; returns false when the handle's event already fired or was cancelled. */
    boolean cancel(long handle);

    /**
     * Moves a pending event to {@code newTime}; it then sorts after every event already waiting at
     * {@code newTime}. Returns false (and does nothing) when the handle is not pending.
     */
    boolean reschedule(long handle, long newTime);

    boolean isPending(long handle);

    /** The time of a pending event, or {@link SimTime#NEVER} when the handle is not pending. */
    long timeOf(long handle);

    int size();

    default boolean isEmpty() {
        return size() == 0;
    }

    /** Time of the next event, or {@link SimTime#NEVER} when the queue is empty. */
    long peekTime();

    /**
     * Removes the next event and makes its fields readable through the {@code popped*} accessors.
     *
     * @throws java.util.NoSuchElementException when the queue is empty
     */
    void pop();

    long poppedTime();

    int poppedKind();

    int poppedTarget();

    /** Drops every pending event; outstanding handles become stale. */
    void clear();
}
