package io.nodesim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private final Simulation sim = new Simulation(new QuaternaryHeapEventQueue(4));
    /** "target@time" of every fired event, in firing order. */
    private final List<String> fired = new ArrayList<>();
    private final int record = sim.registerKind("record", (target, now) -> fired.add(target + "@" + now));

    @Test
    void eventsFireInTimeOrderAndTheClockFollowsThem() {
        sim.schedule(30, record, 3);
        sim.schedule(10, record, 1);
        sim.scheduleAfter(20, record, 2);
        assertTrue(sim.runUntil(100));
        assertEquals(List.of("1@10", "2@20", "3@30"), fired);
        assertEquals(100, sim.now());
        assertEquals(3, sim.eventsFired());
        assertEquals(0, sim.pendingEvents());
    }

    @Test
    void runUntilFiresEventsAtEndButNotAfterAndLeavesTheClockAtEnd() {
        sim.schedule(50, record, 1);
        sim.schedule(100, record, 2);
        sim.schedule(101, record, 3);
        assertTrue(sim.runUntil(100));
        assertEquals(List.of("1@50", "2@100"), fired);
        assertEquals(100, sim.now());
        assertEquals(1, sim.pendingEvents());

        assertTrue(sim.runUntil(200));
        assertEquals(List.of("1@50", "2@100", "3@101"), fired);
        assertEquals(200, sim.now());
    }

    @Test
    void runUntilNeverDrainsTheQueueAndStopsTheClockAtTheLastEvent() {
        sim.schedule(70, record, 1);
        assertTrue(sim.runUntil(SimTime.NEVER));
        assertEquals(List.of("1@70"), fired);
        assertEquals(70, sim.now());
        sim.scheduleAfter(5, record, 2);
        assertTrue(sim.runUntil(SimTime.NEVER));
        assertEquals(75, sim.now());
    }

    @Test
    void theClockNeverGoesBack() {
        sim.schedule(10, record, 1);
        sim.runUntil(40);
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(39, record, 2));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAfter(-1, record, 2));
        assertThrows(IllegalArgumentException.class, () -> sim.runUntil(39));
        long h = sim.schedule(40, record, 3);
        assertThrows(IllegalArgumentException.class, () -> sim.reschedule(h, 20));
        assertEquals(40, sim.timeOf(h));
        assertEquals(40, sim.now());
    }

    @Test
    void handlersMayScheduleAtTheCurrentInstant() {
        int chain = sim.registerKind("chain", (target, now) -> {
            fired.add("chain" + target + "@" + now);
            if (target < 3) {
                sim.scheduleAfter(0, record, target);
                sim.scheduleAfter(0, 1, target + 1);
            }
        });
        assertEquals(1, chain);
        sim.schedule(5, chain, 0);
        sim.runUntil(5);
        assertEquals(List.of("chain0@5", "0@5", "chain1@5", "1@5", "chain2@5", "2@5", "chain3@5"), fired);
    }

    @Test
    void equalTimeEventsFireInSchedulingOrder() {
        for (int i = 0; i < 100; i++) {
            sim.schedule(i % 3 == 0 ? 20 : 10, record, i);
        }
        sim.runUntil(20);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            if (i % 3 != 0) {
                expected.add(i + "@10");
            }
        }
        for (int i = 0; i < 100; i += 3) {
            expected.add(i + "@20");
        }
        assertEquals(expected, fired);
    }

    @Test
    void cancelAndRescheduleGoThroughTheQueue() {
        long a = sim.schedule(10, record, 1);
        long b = sim.schedule(20, record, 2);
        assertTrue(sim.cancel(a));
        assertFalse(sim.isPending(a));
        assertTrue(sim.reschedule(b, 5));
        sim.runUntil(30);
        assertEquals(List.of("2@5"), fired);
        assertFalse(sim.cancel(b));
    }

    @Test
    void aStopConditionEndsTheRunAfterTheEventThatMetIt() {
        for (int i = 1; i <= 10; i++) {
            sim.schedule(i * 10L, record, i);
        }
        sim.addStopCondition(() -> fired.size() == 4);
        assertFalse(sim.runUntil(1_000));
        assertEquals(4, fired.size());
        assertEquals(40, sim.now());
        assertEquals(6, sim.pendingEvents());
    }

    @Test
    void stopFromAHandlerEndsTheRunAndTheNextRunContinues() {
        int stopper = sim.registerKind("stop", (target, now) -> sim.stop());
        sim.schedule(10, record, 1);
        sim.schedule(20, stopper, 0);
        sim.schedule(20, record, 2);
        sim.schedule(30, record, 3);
        assertFalse(sim.runUntil(100));
        assertEquals(List.of("1@10"), fired);
        assertEquals(20, sim.now());

        assertTrue(sim.runUntil(100));
        assertEquals(List.of("1@10", "2@20", "3@30"), fired);
        assertEquals(100, sim.now());
    }

    @Test
    void invariantChecksRunAtTheEndOfEveryRunHoweverItEnded() {
        List<Long> checkedAt = new ArrayList<>();
        sim.addInvariantCheck(() -> checkedAt.add(sim.now()));
        sim.schedule(10, record, 1);
        sim.schedule(20, record, 2);
        sim.addStopCondition(() -> sim.now() == 10);
        sim.runUntil(100);
        assertEquals(List.of(10L), checkedAt);
        sim.runUntil(100);
        assertEquals(List.of(10L, 100L), checkedAt);
    }

    @Test
    void aFailingInvariantPropagates() {
        sim.addInvariantCheck(() -> {
            if (sim.now() >= 50) {
                throw new IllegalStateException("broken at " + sim.now());
            }
        });
        sim.runUntil(49);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.runUntil(50));
        assertEquals("broken at 50", e.getMessage());
    }

    @Test
    void unregisteredKindsAreRejectedWhenScheduled() {
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(1, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(1, -1, 0));
    }

    @Test
    void manyKindsCanBeRegistered() {
        int last = -1;
        for (int i = 0; i < 40; i++) {
            int k = i;
            last = sim.registerKind("k" + i, (target, now) -> fired.add("k" + k));
        }
        sim.schedule(1, last, 0);
        sim.runUntil(1);
        assertEquals(List.of("k39"), fired);
    }
}
