package io.nodesim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalendarEventQueueTest extends EventQueueContractTest {
    @Override
    EventQueue newQueue(int initialCapacity) {
        return new CalendarEventQueue(initialCapacity);
    }

    /**
     * More pending times than the latest-bucket table has entries, visited in three rounds: most
     * times are forgotten between rounds and get a second and third bucket, which must still leave
     * in insertion order, interleaved with cancels and reschedules, exactly as the reference does.
     */
    @Test
    void forgottenTimesOpenNewBucketsWithoutBreakingInsertionOrder() {
        EventQueue calendar = new CalendarEventQueue(4);
        EventQueue reference = new PriorityQueueEventQueue();
        SplittableRandom rng = new SplittableRandom(7);
        int times = 20_000;
        long[] calendarHandles = new long[3 * times];
        long[] referenceHandles = new long[3 * times];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < times; i++) {
                long time = 1_000L * ((i * 7919L) % times);
                int target = round * times + i;
                calendarHandles[target] = calendar.schedule(time, round, target);
                referenceHandles[target] = reference.schedule(time, round, target);
            }
        }
        for (int k = 0; k < 5_000; k++) {
            int victim = rng.nextInt(3 * times);
            if (rng.nextBoolean()) {
                assertEquals(reference.cancel(referenceHandles[victim]), calendar.cancel(calendarHandles[victim]));
            } else {
                long time = 1_000L * rng.nextInt(times);
                assertEquals(reference.reschedule(referenceHandles[victim], time),
                        calendar.reschedule(calendarHandles[victim], time));
            }
        }
        assertEquals(reference.size(), calendar.size());
        int popped = 0;
        while (!reference.isEmpty()) {
            reference.pop();
            calendar.pop();
            assertEquals(reference.poppedTime(), calendar.poppedTime(), "pop " + popped);
            assertEquals(reference.poppedTarget(), calendar.poppedTarget(), "pop " + popped);
            popped++;
        }
        assertTrue(calendar.isEmpty());
        assertTrue(popped > 50_000);
    }
}
