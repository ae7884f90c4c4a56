package io.nodesim.scheduler.queue;

import java.util.Arrays;

/**
 * A binary min-heap of small non-negative ints (pod indices) under a caller's total order, with each
 * member's place indexed so that removing any member is O(log n). Unboxed: the queues it serves see
 * a pod per scheduling cycle, and a {@code PriorityQueue<Integer>} boxed each of them and removed in
 * O(n). The order must be total (no two members equal), so which heap holds them cannot change the
 * order they come out in.
 */
final class IndexedIntHeap {
    /** Whether {@code a} comes out before {@code b}; never true both ways, never false both ways for a != b. */
    @FunctionalInterface
    interface Order {
        boolean before(int a, int b);
    }

    private final Order order;
    private int[] heap = new int[16];
    /** Per member its index in {@link #heap}, else -1. */
    private int[] place = new int[16];
    private int size;

    IndexedIntHeap(Order order) {
        this.order = order;
        Arrays.fill(place, -1);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The first member, or -1 when empty. */
    int peek() {
        return size == 0 ? -1 : heap[0];
    }

    void add(int member) {
        if (member >= place.length) {
            int old = place.length;
            place = Arrays.copyOf(place, Math.max(member + 1, old * 2));
            Arrays.fill(place, old, place.length, -1);
        }
        if (place[member] >= 0) {
            throw new IllegalStateException(member + " is in the heap already");
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        up(size++, member);
    }

    /** Takes out the first member, or returns -1 when empty. */
    int poll() {
        if (size == 0) {
            return -1;
        }
        int first = heap[0];
        removeAt(0);
        return first;
    }

    /** Takes {@code member} out; whether it was in. */
    boolean remove(int member) {
        if (member >= place.length || place[member] < 0) {
            return false;
        }
        removeAt(place[member]);
        return true;
    }

    private void removeAt(int i) {
        place[heap[i]] = -1;
        int last = heap[--size];
        if (i == size) {
            return;
        }
        down(i, last);
        if (heap[i] == last) {
            up(i, last);
        }
    }

    private void up(int i, int member) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (!order.before(member, p)) {
                break;
            }
            put(i, p);
            i = parent;
        }
        put(i, member);
    }

    private void down(int i, int member) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int c = heap[child];
            int right = child + 1;
            if (right < size && order.before(heap[right], c)) {
                child = right;
                c = heap[child];
            }
            if (!order.before(c, member)) {
                break;
            }
            put(i, c);
            i = child;
        }
        put(i, member);
    }

    private void put(int i, int member) {
        heap[i] = member;
        place[member] = i;
    }
}
