package io.nodesim.benchmarks.eventqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every adapter must be a correct priority queue, or its benchmark numbers mean nothing: each one
 * replays the same hold and cancel sequence as the engine's heap and must pop the same times.
 */
class HoldQueueTest {
    @ParameterizedTest
    @ValueSource(strings = {"calendarQueue", "priorityQueue", "ssjSplayTree", "dsolRedBlackTree", "cloudSimPlusFutureQueue"})
    void holdPopsTheSameTimesAsTheEngine(String impl) {
        HoldQueue engine = HoldQueue.create("quaternaryHeap", 0);
        HoldQueue other = HoldQueue.create(impl, 0);
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 2_000; i++) {
            long t = rng.nextInt(50_000);
            engine.add(t);
            other.add(t);
        }
        for (int i = 0; i < 20_000; i++) {
            long increment = rng.nextInt(2) == 0 ? 5_000 : rng.nextInt(100_000);
            assertEquals(engine.hold(increment), other.hold(increment), impl + " pop " + i);
        }
        assertEquals(2_000, other.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"calendarQueue", "priorityQueue", "ssjSplayTree", "dsolRedBlackTree", "cloudSimPlusFutureQueue"})
    void replaceCancelsTheTrackedEvent(String impl) {
        HoldQueue engine = HoldQueue.create("quaternaryHeap", 500);
        HoldQueue other = HoldQueue.create(impl, 500);
        SplittableRandom rng = new SplittableRandom(4);
        for (int k = 0; k < 500; k++) {
            long t = 1_000 + rng.nextInt(1_000_000);
            engine.addTracked(k, t);
            other.addTracked(k, t);
        }
        for (int i = 0; i < 5_000; i++) {
            int k = rng.nextInt(500);
            long t = engine.peekTime() + rng.nextInt(1_000_000);
            engine.replace(k, t);
            other.replace(k, t);
            assertEquals(engine.peekTime(), other.peekTime(), impl + " replace " + i);
            assertEquals(500, other.size());
        }
        for (int i = 0; i < 500; i++) {
            assertEquals(engine.hold(1), other.hold(1));
        }
    }

    @Test
    void unknownImplementationIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> HoldQueue.create("fibonacciHeap", 0));
    }
}
