package io.nodesim.kernel;

import java.util.Arrays;

/**
 * What the event queues on primitive arrays share: event slots recycled through a free stack, handles
 * that carry the slot's generation (so a stale handle never reaches the slot's next event), and the
 * popped event's fields, copied out at the pop because its slot is recycled at once. A subclass keeps
 * its own per-slot arrays (grown with {@link #growSlots}) and says which slots are pending.
 */
abstract class ArrayBackedEventQueue implements EventQueue {
    private static final int GENERATION_MASK = 0x7fff_ffff;

    private int capacity;
    private int[] slotGeneration;
    private int[] slotKind;
    private int[] slotTarget;
    private int[] freeSlots;
    private int freeSlotCount;
    private int slotsEverUsed;

    private long poppedTime;
    private int poppedKind;
    private int poppedTarget;

    ArrayBackedEventQueue(int capacity) {
        this.capacity = capacity;
        slotGeneration = new int[capacity];
        slotKind = new int[capacity];
        slotTarget = new int[capacity];
        freeSlots = new int[capacity];
    }

    /** Whether the slot holds a pending event. */
    abstract boolean slotPending(int slot);

    /** The time of a pending slot's event. */
    abstract long slotTime(int slot);

    /** Grows the subclass's per-slot arrays to {@code newCapacity} slots. */
    abstract void growSlots(int newCapacity);

    /** A free slot holding the event's payload. */
    final int allocateSlot(int kind, int target) {
        int slot;
        if (freeSlotCount > 0) {
            slot = freeSlots[--freeSlotCount];
        } else {
            if (slotsEverUsed == capacity) {
                capacity *= 2;
                slotGeneration = Arrays.copyOf(slotGeneration, capacity);
                slotKind = Arrays.copyOf(slotKind, capacity);
                slotTarget = Arrays.copyOf(slotTarget, capacity);
                freeSlots = Arrays.copyOf(freeSlots, capacity);
                growSlots(capacity);
            }
            slot = slotsEverUsed++;
        }
        slotKind[slot] = kind;
        slotTarget[slot] = target;
        return slot;
    }

    final long handle(int slot) {
        return ((long) slotGeneration[slot] << 32) | slot;
    }

    /** Recycles a slot that no longer holds a pending event; its old handles go stale. */
    final void freeSlot(int slot) {
        slotGeneration[slot] = (slotGeneration[slot] + 1) & GENERATION_MASK;
        freeSlots[freeSlotCount++] = slot;
    }

    /** The pending slot a handle names, or -1 (never issued, fired, cancelled, or its slot reused). */
    final int pendingSlot(long handle) {
        if (handle < 0) {
            return -1;
        }
        int slot = (int) handle;
        if (slot < 0 || slot >= capacity || !slotPending(slot)) {
            return -1;
        }
        return slotGeneration[slot] == (int) (handle >>> 32) ? slot : -1;
    }

    /** Copies out the event of a slot being popped at {@code time}. */
    final void popped(long time, int slot) {
        poppedTime = time;
        poppedKind = slotKind[slot];
        poppedTarget = slotTarget[slot];
    }

    @Override
    public final boolean isPending(long handle) {
        return pendingSlot(handle) >= 0;
    }

    @Override
    public final long timeOf(long handle) {
        int slot = pendingSlot(handle);
        return slot < 0 ? SimTime.NEVER : slotTime(slot);
    }

    @Override
    public final long poppedTime() {
        return poppedTime;
    }

    @Override
    public final int poppedKind() {
        return poppedKind;
    }

    @Override
    public final int poppedTarget() {
        return poppedTarget;
    }
}
