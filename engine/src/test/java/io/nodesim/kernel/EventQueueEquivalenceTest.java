package io.nodesim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: under any interleaving of schedule / cancel / reschedule / pop, each queue answers exactly
 * as the {@link PriorityQueueEventQueue} reference does — same popped (time, kind, target) sequence,
 * same return values, same sizes. Each seed drives one random sequence; times are drawn from a narrow
 * window so that many events share a time and the FIFO tie-break is exercised constantly.
 */
class EventQueueEquivalenceTest {
    private static final int OPERATIONS = 6_000;

    static Stream<Arguments> seeds() {
        return LongStream.range(1, 61).boxed().flatMap(seed -> Stream.of(
                Arguments.of("quaternaryHeap", seed), Arguments.of("calendar", seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("seeds")
    void queueMatchesTheReferenceOnRandomOperations(String impl, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        EventQueue heap = impl.equals("calendar") ? new CalendarEventQueue(4) : new QuaternaryHeapEventQueue(4);
        EventQueue reference = new PriorityQueueEventQueue();
        // Every handle ever issued, live or stale, as a pair; stale ones must be rejected alike.
        long[] heapHandles = new long[OPERATIONS];
        long[] referenceHandles = new long[OPERATIONS];
        int issued = 0;
        long now = 0;
        // Per seed, a different mix: some sequences grow large, some stay near empty.
        int scheduleWeight = 30 + rng.nextInt(40);
        // Narrow windows tie constantly; the wide one keeps thousands of distinct times pending.
        int timeWindow = 1 + rng.nextInt(seed % 3 == 0 ? 4 : seed % 3 == 1 ? 200 : 1 << 20);

        for (int op = 0; op < OPERATIONS; op++) {
            String where = "seed " + seed + ", operation " + op;
            int dice = rng.nextInt(100);
            if (dice < scheduleWeight) {
                long time = now + rng.nextInt(timeWindow);
                int kind = rng.nextInt(8);
                int target = op;
                heapHandles[issued] = heap.schedule(time, kind, target);
                referenceHandles[issued] = reference.schedule(time, kind, target);
                issued++;
            } else if (dice < scheduleWeight + 15 && issued > 0) {
                int k = rng.nextInt(issued);
                assertEquals(reference.cancel(referenceHandles[k]), heap.cancel(heapHandles[k]), where);
            } else if (dice < scheduleWeight + 30 && issued > 0) {
                int k = rng.nextInt(issued);
                long time = now + rng.nextInt(timeWindow);
                assertEquals(reference.reschedule(referenceHandles[k], time),
                        heap.reschedule(heapHandles[k], time), where);
            } else if (dice == scheduleWeight + 30 && rng.nextInt(20) == 0) {
                heap.clear();
                reference.clear();
            } else if (!reference.isEmpty()) {
                reference.pop();
                heap.pop();
                assertEquals(reference.poppedTime(), heap.poppedTime(), where);
                assertEquals(reference.poppedKind(), heap.poppedKind(), where);
                assertEquals(reference.poppedTarget(), heap.poppedTarget(), where);
                now = reference.poppedTime();
            }
            assertEquals(reference.size(), heap.size(), where);
            assertEquals(reference.peekTime(), heap.peekTime(), where);
            if (issued > 0) {
                int k = rng.nextInt(issued);
                assertEquals(reference.timeOf(referenceHandles[k]), heap.timeOf(heapHandles[k]), where);
                assertEquals(reference.isPending(referenceHandles[k]), heap.isPending(heapHandles[k]), where);
            }
        }
        while (!reference.isEmpty()) {
            reference.pop();
            heap.pop();
            assertEquals(reference.poppedTime(), heap.poppedTime());
            assertEquals(reference.poppedTarget(), heap.poppedTarget());
        }
        assertEquals(0, heap.size());
    }
}
