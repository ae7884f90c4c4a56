package io.nodesim.kernel;

class CalendarEventQueueTest extends EventQueueContractTest {
    @Override
    EventQueue newQueue(int initialCapacity) {
        return new CalendarEventQueue(initialCapacity);
    }
}
