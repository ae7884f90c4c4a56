package io.nodesim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The {@link EventQueue} contract, written once; each implementation runs it through a subclass
 * that only says how to build a queue. Queues start at capacity 4 so that growth is exercised.
 */
abstract class EventQueueContractTest {
    /** A queue whose storage starts at {@code initialCapacity} events (ignored where meaningless). */
    abstract EventQueue newQueue(int initialCapacity);

    private final EventQueue queue = newQueue(4);

    /** Pops everything and returns the targets in firing order. */
    private static List<Integer> drainTargets(EventQueue q) {
        List<Integer> out = new ArrayList<>();
        while (!q.isEmpty()) {
            q.pop();
            out.add(q.poppedTarget());
        }
        return out;
    }

    @Test
    void popsInIncreasingTimeOrderWithTheEventsFields() {
        queue.schedule(30, 3, 300);
        queue.schedule(10, 1, 100);
        queue.schedule(20, 2, 200);
        assertEquals(3, queue.size());
        assertEquals(10, queue.peekTime());

        queue.pop();
        assertEquals(10, queue.poppedTime());
        assertEquals(1, queue.poppedKind());
        assertEquals(100, queue.poppedTarget());
        queue.pop();
        assertEquals(20, queue.poppedTime());
        assertEquals(2, queue.poppedKind());
        assertEquals(200, queue.poppedTarget());
        queue.pop();
        assertEquals(30, queue.poppedTime());
        assertEquals(3, queue.poppedKind());
        assertEquals(300, queue.poppedTarget());
        assertTrue(queue.isEmpty());
        assertEquals(SimTime.NEVER, queue.peekTime());
    }

    @Test
    void equalTimesLeaveInSchedulingOrder() {
        for (int i = 0; i < 50; i++) {
            queue.schedule(i % 2 == 0 ? 5 : 7, 0, i);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 50; i += 2) {
            expected.add(i);
        }
        for (int i = 1; i < 50; i += 2) {
            expected.add(i);
        }
        assertEquals(expected, drainTargets(queue));
    }

    @Test
    void negativeAndExtremeTimesAreOrdered() {
        queue.schedule(Long.MAX_VALUE - 1, 0, 3);
        queue.schedule(-5, 0, 1);
        queue.schedule(0, 0, 2);
        queue.schedule(Long.MIN_VALUE, 0, 0);
        assertEquals(List.of(0, 1, 2, 3), drainTargets(queue));
    }

    @Test
    void cancelOfTheHead() {
        long head = queue.schedule(1, 0, 1);
        queue.schedule(2, 0, 2);
        queue.schedule(3, 0, 3);
        assertTrue(queue.cancel(head));
        assertEquals(2, queue.size());
        assertEquals(2, queue.peekTime());
        assertFalse(queue.isPending(head));
        assertEquals(List.of(2, 3), drainTargets(queue));
    }

    @Test
    void cancelOfAMiddleEvent() {
        List<Long> handles = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            handles.add(queue.schedule(100 - i, 0, i));
        }
        assertTrue(queue.cancel(handles.get(10)));
        List<Integer> expected = new ArrayList<>();
        for (int i = 19; i >= 0; i--) {
            if (i != 10) {
                expected.add(i);
            }
        }
        assertEquals(expected, drainTargets(queue));
    }

    @Test
    void cancelOfTheLastEvent() {
        queue.schedule(1, 0, 1);
        queue.schedule(2, 0, 2);
        long last = queue.schedule(3, 0, 3);
        assertTrue(queue.cancel(last));
        assertEquals(List.of(1, 2), drainTargets(queue));
    }

    @Test
    void cancelOfTheOnlyEventEmptiesTheQueue() {
        long only = queue.schedule(1, 0, 1);
        assertTrue(queue.cancel(only));
        assertTrue(queue.isEmpty());
        assertEquals(SimTime.NEVER, queue.peekTime());
    }

    @Test
    void staleHandlesAreRejectedAndTouchNothing() {
        long fired = queue.schedule(1, 0, 1);
        long cancelled = queue.schedule(2, 0, 2);
        queue.pop();
        assertTrue(queue.cancel(cancelled));
        // Refill so that the freed storage is reused by live events.
        queue.schedule(5, 0, 5);
        queue.schedule(4, 0, 4);
        queue.schedule(6, 0, 6);

        for (long stale : new long[] {fired, cancelled, EventQueue.NO_HANDLE}) {
            assertFalse(queue.cancel(stale));
            assertFalse(queue.reschedule(stale, 0));
            assertFalse(queue.isPending(stale));
            assertEquals(SimTime.NEVER, queue.timeOf(stale));
        }
        assertEquals(3, queue.size());
        assertEquals(4, queue.peekTime());
        assertEquals(List.of(4, 5, 6), drainTargets(queue));
    }

    @Test
    void cancelTwiceReturnsFalseTheSecondTime() {
        long h = queue.schedule(1, 0, 1);
        queue.schedule(2, 0, 2);
        assertTrue(queue.cancel(h));
        assertFalse(queue.cancel(h));
        assertEquals(1, queue.size());
    }

    @Test
    void rescheduleEarlierMovesAhead() {
        queue.schedule(10, 0, 1);
        queue.schedule(20, 0, 2);
        long h = queue.schedule(30, 0, 3);
        assertTrue(queue.reschedule(h, 5));
        assertEquals(5, queue.timeOf(h));
        assertEquals(5, queue.peekTime());
        assertEquals(List.of(3, 1, 2), drainTargets(queue));
    }

    @Test
    void rescheduleLaterMovesBehind() {
        long h = queue.schedule(10, 0, 1);
        queue.schedule(20, 0, 2);
        queue.schedule(30, 0, 3);
        assertTrue(queue.reschedule(h, 25));
        assertEquals(25, queue.timeOf(h));
        assertEquals(List.of(2, 1, 3), drainTargets(queue));
    }

    @Test
    void rescheduleToAnEqualTimeGoesBehindEveryEventAlreadyThere() {
        long first = queue.schedule(10, 0, 1);
        queue.schedule(10, 0, 2);
        queue.schedule(10, 0, 3);
        long other = queue.schedule(20, 0, 4);
        // Same time as now: it still counts as a new scheduling.
        assertTrue(queue.reschedule(first, 10));
        // Earlier, onto a time where events already wait.
        assertTrue(queue.reschedule(other, 10));
        assertEquals(List.of(2, 3, 1, 4), drainTargets(queue));
    }

    @Test
    void rescheduleKeepsTheHandleValidUntilItFires() {
        long h = queue.schedule(10, 7, 70);
        assertTrue(queue.reschedule(h, 40));
        assertTrue(queue.reschedule(h, 30));
        assertTrue(queue.isPending(h));
        queue.pop();
        assertEquals(30, queue.poppedTime());
        assertEquals(7, queue.poppedKind());
        assertEquals(70, queue.poppedTarget());
        assertFalse(queue.isPending(h));
        assertFalse(queue.reschedule(h, 50));
        assertTrue(queue.isEmpty());
    }

    @Test
    void timeOfReportsPendingTimes() {
        long a = queue.schedule(42, 0, 0);
        long b = queue.schedule(7, 0, 0);
        assertEquals(42, queue.timeOf(a));
        assertEquals(7, queue.timeOf(b));
        queue.pop();
        assertEquals(SimTime.NEVER, queue.timeOf(b));
        assertEquals(42, queue.timeOf(a));
    }

    @Test
    void growsPastItsInitialCapacity() {
        int n = 1000;
        long[] handles = new long[n];
        for (int i = 0; i < n; i++) {
            // A permutation of 0..n-1 so that inserts land all over the heap.
            handles[i] = queue.schedule((i * 7919L) % n, 0, i);
        }
        assertEquals(n, queue.size());
        for (int i = 0; i < n; i++) {
            assertEquals((i * 7919L) % n, queue.timeOf(handles[i]));
        }
        for (long t = 0; t < n; t++) {
            queue.pop();
            assertEquals(t, queue.poppedTime());
            assertEquals(t, (queue.poppedTarget() * 7919L) % n);
        }
        assertTrue(queue.isEmpty());
    }

    @Test
    void popFromEmptyThrows() {
        assertThrows(NoSuchElementException.class, queue::pop);
        long h = queue.schedule(1, 0, 0);
        queue.cancel(h);
        assertThrows(NoSuchElementException.class, queue::pop);
    }

    @Test
    void clearDropsEverythingAndStalesTheHandles() {
        long a = queue.schedule(1, 0, 1);
        long b = queue.schedule(2, 0, 2);
        queue.clear();
        assertTrue(queue.isEmpty());
        assertEquals(SimTime.NEVER, queue.peekTime());
        assertFalse(queue.isPending(a));
        assertFalse(queue.cancel(b));

        queue.schedule(3, 0, 3);
        long d = queue.schedule(1, 0, 4);
        assertFalse(queue.cancel(a));
        assertFalse(queue.reschedule(b, 0));
        assertEquals(1, queue.timeOf(d));
        assertEquals(List.of(4, 3), drainTargets(queue));
    }
}
