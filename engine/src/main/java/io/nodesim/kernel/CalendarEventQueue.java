package io.nodesim.kernel;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The default {@link EventQueue}: a calendar of times. Each bucket is a FIFO list of events sharing one
 * time; a 4-ary min-heap orders the buckets by (time, creation), and a small direct-mapped table
 * remembers, per time, the bucket most recently created for it.
 *
 * <p>Why not a heap of events: a cluster's heartbeats, lease renewals and controller passes land on
 * shared grids, so thousands of events wait at the same instant. A heap of (time, sequence) pairs
 * compares tied times at every level; here an event that joins a remembered time is appended to its
 * bucket in O(1), and the heap only holds buckets.
 *
 * <p>Order: events leave by (time, insertion), as the contract demands. An event is only ever appended
 * to the newest bucket of its time (the table entry of a time is overwritten by every bucket created
 * for it), so a bucket's events were all inserted before those of any later bucket of the same time,
 * and buckets of one time leave in creation order. When the table forgot a time (another time took
 * its entry), the next event at that time simply opens a new bucket: a second bucket for a time costs
 * a heap entry, never the order. So the table needs no probing and no deletion, unlike a hash map of
 * every pending time, and a queue of distinct times pays only one table read per schedule.
 *
 * <p>Cancel unlinks the event from its doubly linked bucket in O(1) and drops the bucket (O(log n))
 * when it empties; a reschedule is a cancel and a new insertion. Nothing is allocated per schedule,
 * fire, cancel or reschedule: slots and buckets are recycled through free stacks, and the arrays grow
 * (doubling) only when all are in use.
 */
public final class CalendarEventQueue implements EventQueue {
    private static final int NONE = -1;
    private static final int GENERATION_MASK = 0x7fff_ffff;
    private static final long HASH_MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;
    /** Entries of the latest-bucket table: a few tens of kilobytes, cache-resident. */
    private static final int TABLE_BITS = 12;

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

    // The 4-ary heap of buckets, keyed by (time, creation sequence), stored beside the bucket index.
    private long[] heapTime;
    private long[] heapSeq;
    private int[] heapBucket;
    private int heapSize;
    private long nextBucketSeq;

    // Per hashed time: the time and the bucket last created for it (stale when that bucket is gone).
    private final long[] tableTime = new long[1 << TABLE_BITS];
    private final int[] tableBucket = new int[1 << TABLE_BITS];

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
        Arrays.fill(bucketHeapIndex, NONE);
        heapTime = new long[capacity];
        heapSeq = new long[capacity];
        heapBucket = new int[capacity];
        Arrays.fill(tableBucket, NONE);
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
            bucketHeapIndex[bucket] = NONE;
            freeBuckets[freeBucketCount++] = bucket;
        }
        heapSize = 0;
        size = 0;
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

    // ---- buckets and the latest-bucket table ----

    /** The newest bucket of {@code time} when the table remembers it, else a new empty one. */
    private int bucketOf(long time) {
        int entry = (int) ((time * HASH_MULTIPLIER) >>> (64 - TABLE_BITS));
        int remembered = tableBucket[entry];
        if (remembered != NONE && tableTime[entry] == time && bucketHeapIndex[remembered] != NONE
                && bucketTime[remembered] == time) {
            return remembered;
        }
        int bucket = allocateBucket();
        bucketTime[bucket] = time;
        bucketHead[bucket] = NONE;
        bucketTail[bucket] = NONE;
        tableTime[entry] = time;
        tableBucket[entry] = bucket;
        int h = heapSize++;
        heapTime[h] = time;
        heapSeq[h] = nextBucketSeq++;
        heapBucket[h] = bucket;
        bucketHeapIndex[bucket] = h;
        siftUp(h);
        return bucket;
    }

    private void removeBucket(int bucket) {
        removeFromHeap(bucketHeapIndex[bucket]);
        bucketHeapIndex[bucket] = NONE;
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
        int old = bucketTime.length;
        int capacity = old * 2;
        bucketTime = Arrays.copyOf(bucketTime, capacity);
        bucketHead = Arrays.copyOf(bucketHead, capacity);
        bucketTail = Arrays.copyOf(bucketTail, capacity);
        bucketHeapIndex = Arrays.copyOf(bucketHeapIndex, capacity);
        Arrays.fill(bucketHeapIndex, old, capacity, NONE);
        freeBuckets = Arrays.copyOf(freeBuckets, capacity);
        heapTime = Arrays.copyOf(heapTime, capacity);
        heapSeq = Arrays.copyOf(heapSeq, capacity);
        heapBucket = Arrays.copyOf(heapBucket, capacity);
    }

    // ---- the heap of buckets ----

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void removeFromHeap(int i) {
        int last = --heapSize;
        if (i == last) {
            return;
        }
        long movedTime = heapTime[last];
        long movedSeq = heapSeq[last];
        heapTime[i] = movedTime;
        heapSeq[i] = movedSeq;
        heapBucket[i] = heapBucket[last];
        bucketHeapIndex[heapBucket[i]] = i;
        int parent = (i - 1) >>> 2;
        if (i > 0 && before(movedTime, movedSeq, heapTime[parent], heapSeq[parent])) {
            siftUp(i);
        } else {
            siftDown(i);
        }
    }

    private void siftUp(int i) {
        long time = heapTime[i];
        long seq = heapSeq[i];
        int bucket = heapBucket[i];
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = heapTime[parent];
            if (!before(time, seq, pt, heapSeq[parent])) {
                break;
            }
            heapTime[i] = pt;
            heapSeq[i] = heapSeq[parent];
            heapBucket[i] = heapBucket[parent];
            bucketHeapIndex[heapBucket[i]] = i;
            i = parent;
        }
        heapTime[i] = time;
        heapSeq[i] = seq;
        heapBucket[i] = bucket;
        bucketHeapIndex[bucket] = i;
    }

    private void siftDown(int i) {
        long time = heapTime[i];
        long seq = heapSeq[i];
        int bucket = heapBucket[i];
        int n = heapSize;
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
            heapBucket[i] = heapBucket[best];
            bucketHeapIndex[heapBucket[i]] = i;
            i = best;
        }
        heapTime[i] = time;
        heapSeq[i] = seq;
        heapBucket[i] = bucket;
        bucketHeapIndex[bucket] = i;
    }
}
