package io.nodesim.kernel;

/**
 * An {@link EventQueue} that is one implicit 4-ary min-heap of events on primitive arrays, ordered by
 * (time, insertion sequence) as the interface's contract requires.
 *
 * <p>The heap ({@link IndexedQuaternaryHeap}) holds event slots with their keys beside them; event
 * payloads stay in per-slot arrays that never move, and the heap knows each slot's position, so
 * cancel and reschedule find their event in O(1) and repair the heap in O(log n).
 *
 * <p>Nothing is allocated per schedule, fire, cancel or reschedule: freed slots are recycled through
 * a stack, and the arrays grow (doubling) only when every slot is in use.
 */
public final class QuaternaryHeapEventQueue extends ArrayBackedEventQueue {
    private final IndexedQuaternaryHeap heap;
    private long nextSeq;

    public QuaternaryHeapEventQueue() {
        this(1024);
    }

    public QuaternaryHeapEventQueue(int initialCapacity) {
        super(Math.max(4, initialCapacity));
        heap = new IndexedQuaternaryHeap(Math.max(4, initialCapacity));
    }

    @Override
    public long schedule(long time, int kind, int target) {
        int slot = allocateSlot(kind, target);
        heap.insert(slot, time, nextSeq++);
        return handle(slot);
    }

    @Override
    public boolean cancel(long handle) {
        int slot = pendingSlot(handle);
        if (slot < 0) {
            return false;
        }
        heap.remove(slot);
        freeSlot(slot);
        return true;
    }

    @Override
    public boolean reschedule(long handle, long newTime) {
        int slot = pendingSlot(handle);
        if (slot < 0) {
            return false;
        }
        // The new sequence is the largest, so an equal time also moves the event down.
        heap.changeKey(slot, newTime, nextSeq++);
        return true;
    }

    @Override
    public int size() {
        return heap.size();
    }

    @Override
    public long peekTime() {
        return heap.peekTime();
    }

    @Override
    public void pop() {
        int slot = heap.minId();
        popped(heap.minTime(), slot);
        heap.remove(slot);
        freeSlot(slot);
    }

    @Override
    public void clear() {
        for (int k = 0; k < heap.size(); k++) {
            freeSlot(heap.idAt(k));
        }
        heap.clear();
    }

    @Override
    boolean slotPending(int slot) {
        return heap.contains(slot);
    }

    @Override
    long slotTime(int slot) {
        return heap.timeOf(slot);
    }

    @Override
    void growSlots(int newCapacity) {
        heap.grow(newCapacity);
    }
}
