package io.nodesim.scheduler.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexedIntHeapTest {
    /** Against java.util.PriorityQueue under the same total order: the same member comes out at every step. */
    @Test
    void randomAddsPollsAndRemovals_sameOrderAsPriorityQueue() {
        Random random = new Random(3);
        for (int round = 0; round < 50; round++) {
            int[] key = new int[500];
            for (int i = 0; i < key.length; i++) {
                key[i] = random.nextInt(20); // many equal keys: the index breaks the ties
            }
            Comparator<Integer> order = (a, b) -> key[a] != key[b] ? Integer.compare(key[a], key[b]) : Integer.compare(a, b);
            IndexedIntHeap heap = new IndexedIntHeap((a, b) -> order.compare(a, b) < 0);
            PriorityQueue<Integer> reference = new PriorityQueue<>(order);
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < key.length; i++) {
                out.add(i);
            }
            List<Integer> in = new ArrayList<>();
            for (int step = 0; step < 3000; step++) {
                int op = random.nextInt(10);
                if (op < 5 && !out.isEmpty()) {
                    int m = out.remove(random.nextInt(out.size()));
                    heap.add(m);
                    reference.add(m);
                    in.add(m);
                } else if (op < 8) {
                    Integer expected = reference.poll();
                    int got = heap.poll();
                    assertEquals(expected == null ? -1 : expected, got, "round " + round + " step " + step);
                    if (expected != null) {
                        in.remove(expected);
                        out.add(expected);
                    }
                } else if (!in.isEmpty()) {
                    Integer m = in.remove(random.nextInt(in.size()));
                    assertTrue(heap.remove(m));
                    assertTrue(reference.remove(m));
                    assertFalse(heap.remove(m), "removed twice");
                    out.add(m);
                }
                assertEquals(reference.size(), heap.size());
                assertEquals(reference.isEmpty() ? -1 : reference.peek(), heap.peek());
            }
        }
    }

    @Test
    void aMemberIsInOnce() {
        IndexedIntHeap heap = new IndexedIntHeap((a, b) -> a < b);
        heap.add(40);
        assertThrows(IllegalStateException.class, () -> heap.add(40));
        assertFalse(heap.remove(7));
        assertFalse(heap.remove(4000));
        assertEquals(40, heap.poll());
        assertEquals(-1, heap.poll());
    }
}
