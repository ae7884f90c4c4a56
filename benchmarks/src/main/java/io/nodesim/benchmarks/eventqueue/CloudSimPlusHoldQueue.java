package io.nodesim.benchmarks.eventqueue;

import org.cloudsimplus.core.CloudSimEntity;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.core.events.CloudSimEvent;
import org.cloudsimplus.core.events.FutureQueue;
import org.cloudsimplus.core.events.SimEvent;

/**
 * CloudSim Plus's {@link FutureQueue} (a {@code TreeSet} ordered by time, tag, serial) holding
 * {@link CloudSimEvent}s. The simulation's clock stays at 0, so an event's delay is its absolute time.
 * A pop is {@code first()} then {@code remove()}, as {@code CloudSimPlus} processes future events.
 */
final class CloudSimPlusHoldQueue implements HoldQueue {
    /** A source entity for the events; the benchmark never starts it nor delivers to it. */
    static final class Source extends CloudSimEntity {
        Source(CloudSimPlus simulation) {
            super(simulation);
        }

        @Override
        protected void startInternal() {
            throw new UnsupportedOperationException("the benchmark entity is never started");
        }

        @Override
        public void processEvent(SimEvent evt) {
            throw new UnsupportedOperationException("benchmark events are never delivered");
        }
    }

    private static final int TAG = 1;

    private final FutureQueue queue = new FutureQueue();
    private final Source source = new Source(new CloudSimPlus());
    private final SimEvent[] handles;

    CloudSimPlusHoldQueue(int tracked) {
        handles = new SimEvent[tracked];
    }

    private CloudSimEvent event(double time) {
        return new CloudSimEvent(time, source, TAG);
    }

    @Override
    public void add(long time) {
        queue.addEvent(event(time));
    }

    @Override
    public void addTracked(int k, long time) {
        CloudSimEvent e = event(time);
        handles[k] = e;
        queue.addEvent(e);
    }

    @Override
    public long hold(long increment) {
        SimEvent first = queue.first();
        queue.remove(first);
        double time = first.getTime();
        queue.addEvent(event(time + increment));
        return (long) time;
    }

    @Override
    public void replace(int k, long time) {
        queue.remove(handles[k]);
        addTracked(k, time);
    }

    @Override
    public long peekTime() {
        return (long) queue.first().getTime();
    }

    @Override
    public int size() {
        return queue.size();
    }
}
