package io.nodesim.kernel;

import java.util.Arrays;

/**
 * The default {@link EventQueue}: a calendar of times. Each bucket is a FIFO list of events sharing one
 * time; a 4-ary min-heap ({@link IndexedQuaternaryHeap}) orders the buckets by (time, creation), and a
 * small direct-mapped table remembers, per time, the bucket most recently created for it.
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
public final class CalendarEventQueue extends ArrayBackedEventQueue {
    private static final int NONE = -1;
    private static final long HASH_MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;
    /** Entries of the latest-bucket table: a few tens of kilobytes, cache-resident. */
    private static final int TABLE_BITS = 12;

    // Event slots: the links of their bucket's list (payload and generation are kept by the superclass).
    private int[] slotBucket;
    private int[] slotNext;
    private int[] slotPrev;
    private int size;

    // Buckets: one per distinct pending time.
    private long[] bucketTime;
    private int[] bucketHead;
    private int[] bucketTail;
    private int[] freeBuckets;
    private int freeBucketCount;
    private int bucketsEverUsed;

    /** The pending buckets keyed by (time, creation sequence); a freed bucket is absent from it. */
    private final IndexedQuaternaryHeap heap;
    private long nextBucketSeq;

    // Per hashed time: the time and the bucket last created for it (stale when that bucket is gone).
    private final long[] tableTime = new long[1 << TABLE_BITS];
    private final int[] tableBucket = new int[1 << TABLE_BITS];


    public CalendarEventQueue() {
        this(1024);
    }

    public CalendarEventQueue(int initialCapacity) {
        super(Math.max(4, initialCapacity));
        int capacity = Math.max(4, initialCapacity);
        slotBucket = new int[capacity];
        slotNext = new int[capacity];
        slotPrev = new int[capacity];
        Arrays.fill(slotBucket, NONE);
        bucketTime = new long[capacity];
        bucketHead = new int[capacity];
        bucketTail = new int[capacity];
        freeBuckets = new int[capacity];
        heap = new IndexedQuaternaryHeap(capacity);
        Arrays.fill(tableBucket, NONE);
    }

    @Override
    public long schedule(long time, int kind, int target) {
        int slot = allocateSlot(kind, target);
        append(slot, time);
        size++;
        return handle(slot);
    }

    @Override
    public boolean cancel(long handle) {
        int slot = pendingSlot(handle);
        if (slot < 0) {
            return false;
        }
        unlink(slot);
        release(slot);
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
    boolean slotPending(int slot) {
        return slotBucket[slot] != NONE;
    }

    @Override
    long slotTime(int slot) {
        return bucketTime[slotBucket[slot]];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long peekTime() {
        return heap.peekTime();
    }

    @Override
    public void pop() {
        int bucket = heap.minId();
        int slot = bucketHead[bucket];
        popped(heap.minTime(), slot);
        int next = slotNext[slot];
        if (next == NONE) {
            removeBucket(bucket);
        } else {
            bucketHead[bucket] = next;
            slotPrev[next] = NONE;
        }
        release(slot);
        size--;
    }

    @Override
    public void clear() {
        for (int i = 0; i < heap.size(); i++) {
            int bucket = heap.idAt(i);
            for (int slot = bucketHead[bucket]; slot != NONE; ) {
                int next = slotNext[slot];
                release(slot);
                slot = next;
            }
            freeBuckets[freeBucketCount++] = bucket;
        }
        heap.clear();
        size = 0;
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

    @Override
    void growSlots(int capacity) {
        int old = slotBucket.length;
        slotBucket = Arrays.copyOf(slotBucket, capacity);
        Arrays.fill(slotBucket, old, capacity, NONE);
        slotNext = Arrays.copyOf(slotNext, capacity);
        slotPrev = Arrays.copyOf(slotPrev, capacity);
    }

    /** Frees a slot whose event left (popped or cancelled). */
    private void release(int slot) {
        slotBucket[slot] = NONE;
        freeSlot(slot);
    }

    // ---- buckets and the latest-bucket table ----

    /** The newest bucket of {@code time} when the table remembers it, else a new empty one. */
    private int bucketOf(long time) {
        int entry = (int) ((time * HASH_MULTIPLIER) >>> (64 - TABLE_BITS));
        int remembered = tableBucket[entry];
        if (remembered != NONE && tableTime[entry] == time && heap.contains(remembered)
                && bucketTime[remembered] == time) {
            return remembered;
        }
        int bucket = allocateBucket();
        bucketTime[bucket] = time;
        bucketHead[bucket] = NONE;
        bucketTail[bucket] = NONE;
        tableTime[entry] = time;
        tableBucket[entry] = bucket;
        heap.insert(bucket, time, nextBucketSeq++);
        return bucket;
    }

    private void removeBucket(int bucket) {
        heap.remove(bucket);
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
        freeBuckets = Arrays.copyOf(freeBuckets, capacity);
        heap.grow(capacity);
    }
}
