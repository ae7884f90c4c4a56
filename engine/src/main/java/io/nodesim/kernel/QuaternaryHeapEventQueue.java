package io.nodesim.kernel;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The default {@link EventQueue}: an implicit 4-ary min-heap on primitive arrays, ordered by
 * (time, insertion sequence) as the interface's contract requires.
 *
 * <p>The sort keys live in the heap arrays themselves ({@code heapTime}, {@code heapSeq}), not behind
 * the slot index, so a sift compares adjacent memory instead of chasing an index per comparison; a
 * 4-ary heap halves the depth of a binary one and its four children share a cache line. Event
 * payloads stay in per-slot arrays that never move; {@code slotPosition} maps a slot to its heap
 * index so that cancel and reschedule find their event in O(1) and repair the heap in O(log n).
 *
 * <p>Nothing is allocated per schedule, fire, cancel or reschedule: freed slots are recycled through
 * a stack, and the arrays grow (doubling) only when every slot is in use.
 */
public final class QuaternaryHeapEventQueue implements EventQueue {
    private static final int FREE = -1;
    private static final int GENERATION_MASK = 0x7fff_ffff;

    private long[] heapTime;
    private long[] heapSeq;
    private int[] heapSlot;
    private int size;

    private int[] slotPosition;
    private int[] slotGeneration;
    private int[] slotKind;
    private int[] slotTarget;
    private int[] freeSlots;
    private int freeCount;
    private int slotsInUse;

    private long nextSeq;
    private long poppedTime;
    private int poppedKind;
    private int poppedTarget;

    public QuaternaryHeapEventQueue() {
        this(1024);
    }

    public QuaternaryHeapEventQueue(int initialCapacity) {
        int capacity = Math.max(4, initialCapacity);
        heapTime = new long[capacity];
        heapSeq = new long[capacity];
        heapSlot = new int[capacity];
        slotPosition = new int[capacity];
        slotGeneration = new int[capacity];
        slotKind = new int[capacity];
        slotTarget = new int[capacity];
        freeSlots = new int[capacity];
        Arrays.fill(slotPosition, FREE);
    }

    @Override
    public long schedule(long time, int kind, int target) {
        int slot = allocateSlot();
        slotKind[slot] = kind;
        slotTarget[slot] = target;
        int i = size++;
        heapTime[i] = time;
        heapSeq[i] = nextSeq++;
        heapSlot[i] = slot;
        slotPosition[slot] = i;
        siftUp(i);
        return ((long) slotGeneration[slot] << 32) | slot;
    }

    @Override
    public boolean cancel(long handle) {
        int slot = pendingSlot(handle);
        if (slot < 0) {
            return false;
        }
        removeAt(slotPosition[slot]);
        return true;
    }

    @Override
    public boolean reschedule(long handle, long newTime) {
        int slot = pendingSlot(handle);
        if (slot < 0) {
            return false;
        }
        int i = slotPosition[slot];
        long oldTime = heapTime[i];
        heapTime[i] = newTime;
        heapSeq[i] = nextSeq++;
        // The new sequence is the largest, so an equal time also moves the event down.
        if (newTime < oldTime) {
            siftUp(i);
        } else {
            siftDown(i);
        }
        return true;
    }

    @Override
    public boolean isPending(long handle) {
        return pendingSlot(handle) >= 0;
    }

    @Override
    public long timeOf(long handle) {
        int slot = pendingSlot(handle);
        return slot < 0 ? SimTime.NEVER : heapTime[slotPosition[slot]];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long peekTime() {
        return size == 0 ? SimTime.NEVER : heapTime[0];
    }

    @Override
    public void pop() {
        if (size == 0) {
            throw new NoSuchElementException("pop from an empty event queue");
        }
        int slot = heapSlot[0];
        poppedTime = heapTime[0];
        poppedKind = slotKind[slot];
        poppedTarget = slotTarget[slot];
        removeAt(0);
    }

    @Override
    public long poppedTime() {
        return poppedTime;
    }

    @Override
    public int poppedKind() {
        return poppedKind;
    }

    @Override
    public int poppedTarget() {
        return poppedTarget;
    }

    @Override
    public void clear() {
        for (int i = 0; i < size; i++) {
            freeSlot(heapSlot[i]);
        }
        size = 0;
    }

    private int pendingSlot(long handle) {
        if (handle < 0) {
            return -1;
        }
        int slot = (int) handle;
        if (slot < 0 || slot >= slotPosition.length || slotPosition[slot] == FREE) {
            return -1;
        }
        return slotGeneration[slot] == (int) (handle >>> 32) ? slot : -1;
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsInUse == slotPosition.length) {
            grow();
        }
        return slotsInUse++;
    }

    private void freeSlot(int slot) {
        slotPosition[slot] = FREE;
        slotGeneration[slot] = (slotGeneration[slot] + 1) & GENERATION_MASK;
        freeSlots[freeCount++] = slot;
    }

    private void grow() {
        int capacity = slotPosition.length * 2;
        heapTime = Arrays.copyOf(heapTime, capacity);
        heapSeq = Arrays.copyOf(heapSeq, capacity);
        heapSlot = Arrays.copyOf(heapSlot, capacity);
        int old = slotPosition.length;
        slotPosition = Arrays.copyOf(slotPosition, capacity);
        Arrays.fill(slotPosition, old, capacity, FREE);
        slotGeneration = Arrays.copyOf(slotGeneration, capacity);
        slotKind = Arrays.copyOf(slotKind, capacity);
        slotTarget = Arrays.copyOf(slotTarget, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }

    private void removeAt(int i) {
        freeSlot(heapSlot[i]);
        int last = --size;
        if (i == last) {
            return;
        }
        long movedTime = heapTime[last];
        long movedSeq = heapSeq[last];
        heapTime[i] = movedTime;
        heapSeq[i] = movedSeq;
        heapSlot[i] = heapSlot[last];
        slotPosition[heapSlot[i]] = i;
        if (i > 0 && before(movedTime, movedSeq, heapTime[(i - 1) >>> 2], heapSeq[(i - 1) >>> 2])) {
            siftUp(i);
        } else {
            siftDown(i);
        }
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int i) {
        long time = heapTime[i];
        long seq = heapSeq[i];
        int slot = heapSlot[i];
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = heapTime[parent];
            if (!before(time, seq, pt, heapSeq[parent])) {
                break;
            }
            heapTime[i] = pt;
            heapSeq[i] = heapSeq[parent];
            heapSlot[i] = heapSlot[parent];
            slotPosition[heapSlot[i]] = i;
            i = parent;
        }
        heapTime[i] = time;
        heapSeq[i] = seq;
        heapSlot[i] = slot;
        slotPosition[slot] = i;
    }

    private void siftDown(int i) {
        long time = heapTime[i];
        long seq = heapSeq[i];
        int slot = heapSlot[i];
        int n = size;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bt = heapTime[first];
            long bs = heapSeq[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long ct = heapTime[c];
                if (ct < bt || (ct == bt && heapSeq[c] < bs)) {
                    best = c;
                    bt = ct;
                    bs = heapSeq[c];
                }
            }
            if (!before(bt, bs, time, seq)) {
                break;
            }
            heapTime[i] = bt;
            heapSeq[i] = bs;
            heapSlot[i] = heapSlot[best];
            slotPosition[heapSlot[i]] = i;
            i = best;
        }
        heapTime[i] = time;
        heapSeq[i] = seq;
        heapSlot[i] = slot;
        slotPosition[slot] = i;
    }
}
