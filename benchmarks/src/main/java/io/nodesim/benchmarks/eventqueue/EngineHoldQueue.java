package io.nodesim.benchmarks.eventqueue;

import io.nodesim.kernel.EventQueue;

/**
 * One of the engine's queues ({@code CalendarEventQueue}, the default, or the plain
 * {@code QuaternaryHeapEventQueue}), driven exactly as {@code Simulation} drives it.
 */
final class EngineHoldQueue implements HoldQueue {
    private final EventQueue queue;
    private final long[] handles;

    EngineHoldQueue(EventQueue queue, int tracked) {
        this.queue = queue;
        handles = new long[tracked];
    }

    @Override
    public void add(long time) {
        queue.schedule(time, 0, 0);
    }

    @Override
    public void addTracked(int k, long time) {
        handles[k] = queue.schedule(time, 0, k);
    }

    @Override
    public long hold(long increment) {
        queue.pop();
        long time = queue.poppedTime();
        queue.schedule(time + increment, queue.poppedKind(), queue.poppedTarget());
        return time;
    }

    @Override
    public void replace(int k, long time) {
        queue.cancel(handles[k]);
        handles[k] = queue.schedule(time, 0, k);
    }

    @Override
    public long peekTime() {
        return queue.peekTime();
    }

    @Override
    public int size() {
        return queue.size();
    }
}
