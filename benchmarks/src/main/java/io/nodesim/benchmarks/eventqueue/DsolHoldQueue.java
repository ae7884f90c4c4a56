package io.nodesim.benchmarks.eventqueue;

import nl.tudelft.simulation.dsol.eventlists.EventListInterface;
import nl.tudelft.simulation.dsol.eventlists.RedBlackTree;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * DSOL's default event list, {@link RedBlackTree} (a {@code TreeSet}), holding {@link SimEvent}s with
 * {@code Double} times, as a {@code DEVSSimulator<Double>} schedules them: one event object (and one
 * boxed time) per schedule. Events are never executed, so their target method is never looked up.
 */
final class DsolHoldQueue implements HoldQueue {
    private static final Object[] NO_ARGS = new Object[0];

    private final EventListInterface<Double> list = new RedBlackTree<>();
    private final Object target = new Object();
    @SuppressWarnings("unchecked")
    private final SimEventInterface<Double>[] handles;

    @SuppressWarnings("unchecked")
    DsolHoldQueue(int tracked) {
        handles = new SimEventInterface[tracked];
    }

    private SimEvent<Double> event(double time) {
        return new SimEvent<>(time, target, "fire", NO_ARGS);
    }

    @Override
    public void add(long time) {
        list.add(event(time));
    }

    @Override
    public void addTracked(int k, long time) {
        SimEvent<Double> e = event(time);
        handles[k] = e;
        list.add(e);
    }

    @Override
    public long hold(long increment) {
        double time = list.removeFirst().getAbsoluteExecutionTime();
        list.add(event(time + increment));
        return (long) time;
    }

    @Override
    public void replace(int k, long time) {
        list.remove(handles[k]);
        addTracked(k, time);
    }

    @Override
    public long peekTime() {
        return list.first().getAbsoluteExecutionTime().longValue();
    }

    @Override
    public int size() {
        return list.size();
    }
}
