package io.nodesim.kernel;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * An implicit 4-ary min-heap of integer ids ordered by (time, sequence), which knows where each id
 * sits ({@link #position}) so that an id can leave or move in O(log n): the one heap behind
 * {@link QuaternaryHeapEventQueue} (ids are its event slots) and {@link CalendarEventQueue} (ids are
 * its buckets).
 *
 * <p>The sort keys live in the heap arrays themselves, not behind the id, so a sift compares adjacent
 * memory instead of chasing an index per comparison; a 4-ary heap halves the depth of a binary one
 * and its four children share a cache line. Ids are below the capacity, which the owner grows
 * ({@link #grow}) with its own id space; nothing is allocated otherwise.
 */
final class IndexedQuaternaryHeap {
    /** The position of an id that is not in the heap. */
    static final int ABSENT = -1;

    private long[] time;
    private long[] seq;
    private int[] id;
    private int[] position;
    private int size;

    IndexedQuaternaryHeap(int capacity) {
        time = new long[capacity];
        seq = new long[capacity];
        id = new int[capacity];
        position = new int[capacity];
        Arrays.fill(position, ABSENT);
    }

    /** Makes room for ids below {@code capacity}. */
    void grow(int capacity) {
        int old = position.length;
        time = Arrays.copyOf(time, capacity);
        seq = Arrays.copyOf(seq, capacity);
        id = Arrays.copyOf(id, capacity);
        position = Arrays.copyOf(position, capacity);
        Arrays.fill(position, old, capacity, ABSENT);
    }

    int size() {
        return size;
    }

    boolean contains(int i) {
        return position[i] != ABSENT;
    }

    /** The heap index of id {@code i}, or {@link #ABSENT}. */
    int position(int i) {
        return position[i];
    }

    long timeOf(int i) {
        return time[position[i]];
    }

    /** The smallest time, or {@link SimTime#NEVER} when the heap is empty. */
    long peekTime() {
        return size == 0 ? SimTime.NEVER : time[0];
    }

    long minTime() {
        return time[0];
    }

    /** The id with the smallest key; an empty heap is an event queue popped while empty. */
    int minId() {
        if (size == 0) {
            throw new NoSuchElementException("pop from an empty event queue");
        }
        return id[0];
    }

    /** The id at heap index {@code k} (0 <= k < size), for walks over every entry. */
    int idAt(int k) {
        return id[k];
    }

    void insert(int i, long t, long s) {
        int k = size++;
        put(k, t, s, i);
        siftUp(k);
    }

    /** Gives id {@code i} a new key; a key equal in time and with a later sequence moves it down. */
    void changeKey(int i, long t, long s) {
        int k = position[i];
        boolean up = before(t, s, time[k], seq[k]);
        time[k] = t;
        seq[k] = s;
        if (up) {
            siftUp(k);
        } else {
            siftDown(k);
        }
    }

    void remove(int i) {
        int k = position[i];
        position[i] = ABSENT;
        int last = --size;
        if (k == last) {
            return;
        }
        long movedTime = time[last];
        long movedSeq = seq[last];
        put(k, movedTime, movedSeq, id[last]);
        if (k > 0 && before(movedTime, movedSeq, time[(k - 1) >>> 2], seq[(k - 1) >>> 2])) {
            siftUp(k);
        } else {
            siftDown(k);
        }
    }

    /** Empties the heap; every id it held is absent again. */
    void clear() {
        for (int k = 0; k < size; k++) {
            position[id[k]] = ABSENT;
        }
        size = 0;
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int k) {
        long t = time[k];
        long s = seq[k];
        int i = id[k];
        while (k > 0) {
            int parent = (k - 1) >>> 2;
            long pt = time[parent];
            if (!before(t, s, pt, seq[parent])) {
                break;
            }
            put(k, pt, seq[parent], id[parent]);
            k = parent;
        }
        put(k, t, s, i);
    }

    private void siftDown(int k) {
        long t = time[k];
        long s = seq[k];
        int i = id[k];
        int n = size;
        while (true) {
            int first = (k << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bt = time[first];
            long bs = seq[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long ct = time[c];
                if (ct < bt || (ct == bt && seq[c] < bs)) {
                    best = c;
                    bt = ct;
                    bs = seq[c];
                }
            }
            if (!before(bt, bs, t, s)) {
                break;
            }
            put(k, bt, bs, id[best]);
            k = best;
        }
        put(k, t, s, i);
    }

    private void put(int k, long t, long s, int i) {
        time[k] = t;
        seq[k] = s;
        id[k] = i;
        position[i] = k;
    }
}
