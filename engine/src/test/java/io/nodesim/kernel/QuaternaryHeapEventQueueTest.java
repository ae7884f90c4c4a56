package io.nodesim.kernel;

class QuaternaryHeapEventQueueTest extends EventQueueContractTest {
    @Override
    EventQueue newQueue(int initialCapacity) {
        return new QuaternaryHeapEventQueue(initialCapacity);
    }
}
