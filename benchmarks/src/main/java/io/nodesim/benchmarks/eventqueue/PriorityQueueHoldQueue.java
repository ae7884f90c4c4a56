package io.nodesim.benchmarks.eventqueue;

import java.util.PriorityQueue;

/**
 * The baseline: a plain {@link PriorityQueue} of event objects with a natural (time, seq) order, the
 * simplest and fastest way Java simulators use it. Every schedule allocates a new event, as a
 * normal user's code does; cancel is {@link PriorityQueue#remove(Object)}, a linear scan.
 */
final class PriorityQueueHoldQueue implements HoldQueue {
    /** An event as a simulator built on PriorityQueue would define it. */
    static final class Event implements Comparable<Event> {
        final long time;
        final long seq;
        final int kind;
        final int target;

        Event(long time, long seq, int kind, int target) {
            this.time = time;
            this.seq = seq;
            this.kind = kind;
            this.target = target;
        }

        @Override
        public int compareTo(Event o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final Event[] handles;
    private long nextSeq;

    PriorityQueueHoldQueue(int tracked) {
        handles = new Event[tracked];
    }

    @Override
    public void add(long time) {
        queue.add(new Event(time, nextSeq++, 0, 0));
    }

    @Override
    public void addTracked(int k, long time) {
        Event e = new Event(time, nextSeq++, 0, k);
        handles[k] = e;
        queue.add(e);
    }

    @Override
    public long hold(long increment) {
        Event e = queue.poll();
        queue.add(new Event(e.time + increment, nextSeq++, e.kind, e.target));
        return e.time;
    }

    @Override
    public void replace(int k, long time) {
        queue.remove(handles[k]);
        addTracked(k, time);
    }

    @Override
    public long peekTime() {
        return queue.peek().time;
    }

    @Override
    public int size() {
        return queue.size();
    }
}
