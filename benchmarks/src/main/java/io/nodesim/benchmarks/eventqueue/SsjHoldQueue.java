package io.nodesim.benchmarks.eventqueue;

import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * SSJ's default event list, {@link SplayTree}, holding SSJ {@link Event}s: times are doubles (we pass
 * microseconds), and a new event object is made per schedule, as SSJ models do.
 */
final class SsjHoldQueue implements HoldQueue {
    /** An SSJ event whose actions are never run: the benchmark times the list alone. */
    static final class Tick extends Event {
        Tick(Simulator sim, double time) {
            super(sim);
            setTime(time);
        }

        @Override
        public void actions() {
            throw new UnsupportedOperationException("benchmark events are never executed");
        }
    }

    private final Simulator simulator = new Simulator();
    private final EventList list = new SplayTree();
    private final Tick[] handles;

    SsjHoldQueue(int tracked) {
        handles = new Tick[tracked];
    }

    @Override
    public void add(long time) {
        list.add(new Tick(simulator, time));
    }

    @Override
    public void addTracked(int k, long time) {
        Tick e = new Tick(simulator, time);
        handles[k] = e;
        list.add(e);
    }

    @Override
    public long hold(long increment) {
        Event e = list.removeFirst();
        double time = e.time();
        list.add(new Tick(simulator, time + increment));
        return (long) time;
    }

    @Override
    public void replace(int k, long time) {
        list.remove(handles[k]);
        addTracked(k, time);
    }

    @Override
    public long peekTime() {
        return (long) list.getFirst().time();
    }

    @Override
    public int size() {
        int n = 0;
        for (Event ignored : list) {
            n++;
        }
        return n;
    }
}
