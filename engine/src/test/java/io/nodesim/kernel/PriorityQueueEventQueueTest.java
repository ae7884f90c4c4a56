package io.nodesim.kernel;

class PriorityQueueEventQueueTest extends EventQueueContractTest {
    @Override
    EventQueue newQueue(int initialCapacity) {
        return new PriorityQueueEventQueue();
    }
}
