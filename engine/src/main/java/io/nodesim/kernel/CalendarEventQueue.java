package io.nodesim.kernel;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The default {@link EventQueue}: a calendar of distinct times. Each distinct pending time owns one
 * bucket, a FIFO list of its events; a 4-ary min-heap orders the buckets by time, and an
 * open-addressing table finds the bucket of a time.
 *
 * <p>Why not a heap of events: a cluster's heartbeats, lease renewals and controller passes land on
 * shared grids, so thousands of events wait at the same instant. A heap of (time, sequence) pairs
 * compares tied times at every level; here an event that joins an existing time is appended to its
 * bucket in O(1) and the heap only holds distinct times, so it is smaller and compares one key. The
 * FIFO order inside a bucket is the insertion order the contract demands: sequences only grow, so
 * appending at the tail keeps a bucket sorted by sequence, and a reschedule (a new sequence) goes to
 * the tail of its new time's bucket.
 *
 * <p>Cancel unlinks the event from its doubly linked bucket in O(1) and drops the bucket (O(log n))
 * when it empties. Nothing is allocated per schedule, fire, cancel or reschedule: slots and buckets
 * are recycled through free stacks, and the arrays grow (doubling) only when all are in use.
 */
public final class CalendarEventQueue implements EventQueue {
    private static final int NONE = -1;
    private static final int GENERATION_MASK = 0x7fff_ffff;
    private static final long HASH_MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;

    // Event slots: payload, generation, and the links of their bucket's list.
    private int[] slotBucket;
    private int[] slotNext;
    private int[] slotPrev;
    private int[] slotGeneration;
    private int[] slotKind;
    private int[] slotTarget;
    private int[] freeSlots;
    private int freeSlotCount;
    private int slotsEverUsed;
    private int size;

    // Buckets: one per distinct pending time.
    private long[] bucketTime;
    private int[] bucketHead;
    private int[] bucketTail;
    private int[] bucketHeapIndex;
    private int[] freeBuckets;
    private int freeBucketCount;
    private int bucketsEverUsed;

    // The 4-ary heap of buckets, keyed by their (distinct) times, stored beside the bucket index.
    private long[] heapTime;
    private int[] heapBucket;
    private int heapSize;

    // time -> bucket + 1 (0 = empty), linear probing with backward-shift deletion.
    private long[] tableTime;
    private int[] tableBucket;
    private int tableShift;

    private long poppedTime;
    private int poppedKind;
    private int poppedTarget;

    public CalendarEventQueue() {
        this(1024);
    }

    public CalendarEventQueue(int initialCapacity) {
        int capacity = Math.max(4, initialCapacity);
        slotBucket = new int[capacity];
        slotNext = new int[capacity];
        slotPrev = new int[capacity];
        slotGeneration = new int[capacity];
        slotKind = new int[capacity];
        slotTarget = new int[capacity];
        freeSlots = new int[capacity];
        Arrays.fill(slotBucket, NONE);
        bucketTime = new long[capacity];
        bucketHead = new int[capacity];
        bucketTail = new int[capacity];
        bucketHeapIndex = new int[capacity];
        freeBuckets = new int[capacity];
        heapTime = new long[capacity];
        heapBucket = new int[capacity];
        int tableCapacity = Integer.highestOneBit(capacity * 2 - 1) * 2;
        tableTime = new long[tableCapacity];
        tableBucket = new int[tableCapacity];
        tableShift = 64 - Integer.numberOfTrailingZeros(tableCapacity);
    }

    @Override
    public long schedule(long time, int kind, int target) {
        int slot = allocateSlot();
        slotKind[slot] = kind;
        slotTarget[slot] = target;
        append(slot, time);
        size++;
        return ((long) slotGeneration[slot] << 32) | slot;
    }

    @Override
    public boolean cancel(long handle) {
        int slot = pendingSlot(handle);
        if (slot < 0) {
            return false;
        }
        unlink(slot);
        freeSlot(slot);
        size--;
        return true;
    }

    @Override
    public boolean reschedule(long handle, long newTime) {
        int slot = pendingSlot(handle);
        if (slot < 0) {
            return false;
        }
        unlink(slot);
        append(slot, newTime);
        return true;
    }

    @Override
    public boolean isPending(long handle) {
        return pendingSlot(handle) >= 0;
    }

    @Override
    public long timeOf(long handle) {
        int slot = pendingSlot(handle);
        return slot < 0 ? SimTime.NEVER : bucketTime[slotBucket[slot]];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long peekTime() {
        return heapSize == 0 ? SimTime.NEVER : heapTime[0];
    }

    @Override
    public void pop() {
        if (heapSize == 0) {
            throw new NoSuchElementException("pop from an empty event queue");
        }
        int bucket = heapBucket[0];
        int slot = bucketHead[bucket];
        poppedTime = heapTime[0];
        poppedKind = slotKind[slot];
        poppedTarget = slotTarget[slot];
        int next = slotNext[slot];
        if (next == NONE) {
            removeBucket(bucket);
        } else {
            bucketHead[bucket] = next;
            slotPrev[next] = NONE;
        }
        freeSlot(slot);
        size--;
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
        for (int i = 0; i < heapSize; i++) {
            int bucket = heapBucket[i];
            for (int slot = bucketHead[bucket]; slot != NONE; ) {
                int next = slotNext[slot];
                freeSlot(slot);
                slot = next;
            }
            freeBuckets[freeBucketCount++] = bucket;
        }
        heapSize = 0;
        size = 0;
        Arrays.fill(tableBucket, 0);
    }

    private int pendingSlot(long handle) {
        if (handle < 0) {
            return -1;
        }
        int slot = (int) handle;
        if (slot >= slotBucket.length || slotBucket[slot] == NONE) {
            return -1;
        }
        return slotGeneration[slot] == (int) (handle >>> 32) ? slot : -1;
    }

    /** Puts a slot behind every event already waiting at {@code time}. */
    private void append(int slot, long time) {
        int bucket = bucketOf(time);
        slotBucket[slot] = bucket;
        slotNext[slot] = NONE;
        int tail = bucketTail[bucket];
        slotPrev[slot] = tail;
        if (tail == NONE) {
            bucketHead[bucket] = slot;
        } else {
            slotNext[tail] = slot;
        }
        bucketTail[bucket] = slot;
    }

    /** Takes a pending slot out of its bucket, dropping the bucket when it empties. */
    private void unlink(int slot) {
        int bucket = slotBucket[slot];
        int prev = slotPrev[slot];
        int next = slotNext[slot];
        if (prev == NONE && next == NONE) {
            removeBucket(bucket);
            return;
        }
        if (prev == NONE) {
            bucketHead[bucket] = next;
        } else {
            slotNext[prev] = next;
        }
        if (next == NONE) {
            bucketTail[bucket] = prev;
        } else {
            slotPrev[next] = prev;
        }
    }

    private int allocateSlot() {
        if (freeSlotCount > 0) {
            return freeSlots[--freeSlotCount];
        }
        if (slotsEverUsed == slotBucket.length) {
            growSlots();
        }
        return slotsEverUsed++;
    }

    private void freeSlot(int slot) {
        slotBucket[slot] = NONE;
        slotGeneration[slot] = (slotGeneration[slot] + 1) & GENERATION_MASK;
        freeSlots[freeSlotCount++] = slot;
    }

    private void growSlots() {
        int old = slotBucket.length;
        int capacity = old * 2;
        slotBucket = Arrays.copyOf(slotBucket, capacity);
        Arrays.fill(slotBucket, old, capacity, NONE);
        slotNext = Arrays.copyOf(slotNext, capacity);
        slotPrev = Arrays.copyOf(slotPrev, capacity);
        slotGeneration = Arrays.copyOf(slotGeneration, capacity);
        slotKind = Arrays.copyOf(slotKind, capacity);
        slotTarget = Arrays.copyOf(slotTarget, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }

    // ---- buckets and the time table ----

    /** The bucket of {@code time}, created (empty, in the heap and the table) when there is none. */
    private int bucketOf(long time) {
        int mask = tableBucket.length - 1;
        int i = home(time);
        while (true) {
            int entry = tableBucket[i];
            if (entry == 0) {
                break;
            }
            if (tableTime[i] == time) {
                return entry - 1;
            }
            i = (i + 1) & mask;
        }
        int bucket = allocateBucket();
        bucketTime[bucket] = time;
        bucketHead[bucket] = NONE;
        bucketTail[bucket] = NONE;
        tableTime[i] = time;
        tableBucket[i] = bucket + 1;
        if (heapSize * 2 >= tableBucket.length) {
            growTable();
        }
        int h = heapSize++;
        heapTime[h] = time;
        heapBucket[h] = bucket;
        bucketHeapIndex[bucket] = h;
        siftUp(h);
        return bucket;
    }

    private void removeBucket(int bucket) {
        removeFromTable(bucketTime[bucket]);
        removeFromHeap(bucketHeapIndex[bucket]);
        freeBuckets[freeBucketCount++] = bucket;
    }

    private int allocateBucket() {
        if (freeBucketCount > 0) {
            return freeBuckets[--freeBucketCount];
        }
        if (bucketsEverUsed == bucketTime.length) {
            growBuckets();
        }
        return bucketsEverUsed++;
    }

    private void growBuckets() {
        int capacity = bucketTime.length * 2;
        bucketTime = Arrays.copyOf(bucketTime, capacity);
        bucketHead = Arrays.copyOf(bucketHead, capacity);
        bucketTail = Arrays.copyOf(bucketTail, capacity);
        bucketHeapIndex = Arrays.copyOf(bucketHeapIndex, capacity);
        freeBuckets = Arrays.copyOf(freeBuckets, capacity);
        heapTime = Arrays.copyOf(heapTime, capacity);
        heapBucket = Arrays.copyOf(heapBucket, capacity);
    }

    private int home(long time) {
        return (int) ((time * HASH_MULTIPLIER) >>> tableShift);
    }

    private void removeFromTable(long time) {
        int mask = tableBucket.length - 1;
        int i = home(time);
        while (tableTime[i] != time || tableBucket[i] == 0) {
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: pull later entries of the probe run into the hole when their home
        // allows it, so lookups never need tombstones.
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (tableBucket[j] == 0) {
                break;
            }
            int k = home(tableTime[j]);
            boolean movable = i <= j ? (k <= i || k > j) : (k <= i && k > j);
            if (movable) {
                tableTime[i] = tableTime[j];
                tableBucket[i] = tableBucket[j];
                i = j;
            }
        }
        tableBucket[i] = 0;
    }

    private void growTable() {
        long[] oldTime = tableTime;
        int[] oldBucket = tableBucket;
        int capacity = oldBucket.length * 2;
        tableTime = new long[capacity];
        tableBucket = new int[capacity];
        tableShift--;
        int mask = capacity - 1;
        for (int j = 0; j < oldBucket.length; j++) {
            if (oldBucket[j] != 0) {
                int i = home(oldTime[j]);
                while (tableBucket[i] != 0) {
                    i = (i + 1) & mask;
                }
                tableTime[i] = oldTime[j];
                tableBucket[i] = oldBucket[j];
            }
        }
    }

    // ---- the heap of distinct times ----

    private void removeFromHeap(int i) {
        int last = --heapSize;
        if (i == last) {
            return;
        }
        long movedTime = heapTime[last];
        heapTime[i] = movedTime;
        heapBucket[i] = heapBucket[last];
        bucketHeapIndex[heapBucket[i]] = i;
        if (i > 0 && movedTime < heapTime[(i - 1) >>> 2]) {
            siftUp(i);
        } else {
            siftDown(i);
        }
    }

    private void siftUp(int i) {
        long time = heapTime[i];
        int bucket = heapBucket[i];
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = heapTime[parent];
            if (time >= pt) {
                break;
            }
            heapTime[i] = pt;
            heapBucket[i] = heapBucket[parent];
            bucketHeapIndex[heapBucket[i]] = i;
            i = parent;
        }
        heapTime[i] = time;
        heapBucket[i] = bucket;
        bucketHeapIndex[bucket] = i;
    }

    private void siftDown(int i) {
        long time = heapTime[i];
        int bucket = heapBucket[i];
        int n = heapSize;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bt = heapTime[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long ct = heapTime[c];
                if (ct < bt) {
                    best = c;
                    bt = ct;
                }
            }
            if (bt >= time) {
                break;
            }
            heapTime[i] = bt;
            heapBucket[i] = heapBucket[best];
            bucketHeapIndex[heapBucket[i]] = i;
            i = best;
        }
        heapTime[i] = time;
        heapBucket[i] = bucket;
        bucketHeapIndex[bucket] = i;
    }
}
