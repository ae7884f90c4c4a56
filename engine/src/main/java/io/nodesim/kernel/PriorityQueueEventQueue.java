package io.nodesim.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The reference {@link EventQueue}: {@link java.util.PriorityQueue} of event objects, the way most
 * Java simulators start. It is the oracle of the contract tests and the baseline of the JMH
 * benchmarks; the simulator itself uses {@link QuaternaryHeapEventQueue}. Cancel is O(n) here
 * ({@code PriorityQueue.remove(Object)}), which is one of the reasons it is not the default.
 */
public final class PriorityQueueEventQueue implements EventQueue {
    /** One pending event; public so that benchmarks can build the same baseline around it. */
    public static final class Event implements Comparable<Event> {
        final long time;
        final long seq;
        final int kind;
        final int target;
        final long handle;

        Event(long time, long seq, int kind, int target, long handle) {
            this.time = time;
            this.seq = seq;
            this.kind = kind;
            this.target = target;
            this.handle = handle;
        }

        @Override
        public int compareTo(Event o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final Map<Long, Event> pending = new HashMap<>();
    private long nextSeq;
    private long nextHandle;
    private Event popped;

    @Override
    public long schedule(long time, int kind, int target) {
        long handle = nextHandle++;
        Event e = new Event(time, nextSeq++, kind, target, handle);
        queue.add(e);
        pending.put(handle, e);
        return handle;
    }

    @Override
    public boolean cancel(long handle) {
        Event e = pending.remove(handle);
        if (e == null) {
            return false;
        }
        queue.remove(e);
        return true;
    }

    @Override
    public boolean reschedule(long handle, long newTime) {
        Event e = pending.get(handle);
        if (e == null) {
            return false;
        }
        queue.remove(e);
        Event moved = new Event(newTime, nextSeq++, e.kind, e.target, handle);
        queue.add(moved);
        pending.put(handle, moved);
        return true;
    }

    @Override
    public boolean isPending(long handle) {
        return pending.containsKey(handle);
    }

    @Override
    public long timeOf(long handle) {
        Event e = pending.get(handle);
        return e == null ? SimTime.NEVER : e.time;
    }

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public long peekTime() {
        Event e = queue.peek();
        return e == null ? SimTime.NEVER : e.time;
    }

    @Override
    public void pop() {
        Event e = queue.poll();
        if (e == null) {
            throw new NoSuchElementException("pop from an empty event queue");
        }
        pending.remove(e.handle);
        popped = e;
    }

    @Override
    public long poppedTime() {
        return popped.time;
    }

    @Override
    public int poppedKind() {
        return popped.kind;
    }

    @Override
    public int poppedTarget() {
        return popped.target;
    }

    @Override
    public void clear() {
        queue.clear();
        pending.clear();
    }
}
