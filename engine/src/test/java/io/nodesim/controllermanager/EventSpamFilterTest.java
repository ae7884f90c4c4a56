package io.nodesim.controllermanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * client-go's {@code EventSourceObjectSpamFilter} (tools/record/events_cache.go). The upstream cases
 * come from events_cache_test.go, whose {@code clock.IntervalClock} moves on by the interval at
 * every {@code Now()}: in {@code TestEventCorrelator} three reads an event (the test's, the
 * aggregator's, the filter's), in {@code TestEventSpamFilter} two (the aggregator's, the filter's).
 */
class EventSpamFilterTest {
    private static final long T0 = SimTime.seconds(1000);
    private static final long OBJECT = 7;

    /** The filter's reads of an IntervalClock read {@code readsPerEvent} times an event. */
    private static long filterRead(int event, int readsPerEvent, long interval) {
        return T0 + (long) event * readsPerEvent * interval;
    }

    /** TestEventCorrelator "the-same-event-is-spam-if-happens-too-frequently": 26 before, 1 s interval. */
    @Test
    void theSameEventTooOften_isSpam_afterTheBurst() {
        EventSpamFilter filter = new EventSpamFilter();
        for (int k = 1; k <= EventSpamFilter.BURST; k++) {
            assertTrue(filter.allows(OBJECT, filterRead(k, 3, SimTime.SECOND)), "event " + k);
        }
        // 26th and the new one: 3 s apart, a hundredth of a token each
        assertFalse(filter.allows(OBJECT, filterRead(26, 3, SimTime.SECOND)));
        assertFalse(filter.allows(OBJECT, filterRead(27, 3, SimTime.SECOND)));
    }

    /** TestEventCorrelator "the-same-event-should-just-count-even-if-more-than-aggregate": 10 before, 30 s. */
    @Test
    void elevenEvents_withinTheBurst_allGoOut() {
        EventSpamFilter filter = new EventSpamFilter();
        for (int k = 1; k <= 11; k++) {
            assertTrue(filter.allows(OBJECT, filterRead(k, 3, SimTime.seconds(30))));
        }
    }

    /** TestEventCorrelator "create-many-unique-events": 30 objects once each, then another. */
    @Test
    void manyObjects_eachHasItsOwnBucket() {
        EventSpamFilter filter = new EventSpamFilter();
        for (int k = 1; k <= 30; k++) {
            assertTrue(filter.allows(100 + k, filterRead(k, 3, 5 * SimTime.SECOND)));
        }
        assertTrue(filter.allows(OBJECT, filterRead(31, 3, 5 * SimTime.SECOND)));
    }

    /**
     * TestEventSpamFilter "event should be reported as spam if object reference is the same for default
     * spam filter": burst 1; an event with another reason about the same object is skipped (the
     * default key has no reason, so a ReplicaSet's SuccessfulCreate and SuccessfulDelete share one bucket).
     */
    @Test
    void anotherReasonAboutTheSameObject_sharesItsBucket() {
        EventSpamFilter filter = new EventSpamFilter(EventSpamFilter.LRU_ENTRIES, 1, EventSpamFilter.QPS);
        assertTrue(filter.allows(OBJECT, filterRead(1, 2, SimTime.SECOND)));
        assertFalse(filter.allows(OBJECT, filterRead(2, 2, SimTime.SECOND)));
    }

    /** 1 / float32(1/300) is 299.99999274 s: the token after the burst comes 299.999993 s after it. */
    @Test
    void afterTheBurst_oneTokenEvery300s_asFloat32RoundsIt() {
        EventSpamFilter filter = new EventSpamFilter();
        for (int k = 0; k < EventSpamFilter.BURST; k++) {
            assertTrue(filter.allows(OBJECT, T0));
        }
        assertFalse(filter.allows(OBJECT, T0 + 299_999_992L));
        assertTrue(filter.allows(OBJECT, T0 + 299_999_993L));
        assertFalse(filter.allows(OBJECT, T0 + 299_999_993L));
        // refused tries took nothing: the next token is due 299.999993 s after this acceptance
        assertFalse(filter.allows(OBJECT, T0 + 2 * 299_999_993L - 1));
        assertTrue(filter.allows(OBJECT, T0 + 2 * 299_999_993L));
    }

    @Test
    void idleTime_refillsUpToTheBurstOnly() {
        EventSpamFilter filter = new EventSpamFilter();
        assertTrue(filter.allows(OBJECT, T0));
        long later = T0 + SimTime.HOUR * 24;
        for (int k = 0; k < EventSpamFilter.BURST; k++) {
            assertTrue(filter.allows(OBJECT, later));
        }
        assertFalse(filter.allows(OBJECT, later));
    }

    /** The LRU holds 4096 keys: one pushed out by 4096 others comes back with a full bucket. */
    @Test
    void anObjectPushedOutOfTheCache_startsOverWithAFullBucket() {
        for (int others : new int[] {EventSpamFilter.LRU_ENTRIES - 1, EventSpamFilter.LRU_ENTRIES}) {
            EventSpamFilter filter = new EventSpamFilter();
            for (int k = 0; k < EventSpamFilter.BURST; k++) {
                filter.allows(OBJECT, T0);
            }
            for (int k = 0; k < others; k++) {
                filter.allows(1_000 + k, T0);
            }
            assertEquals(others == EventSpamFilter.LRU_ENTRIES, filter.allows(OBJECT, T0), others + " others");
        }
    }

    /** A refused event refreshes its key too ({@code cache.Get} then {@code cache.Add}). */
    @Test
    void aRefusedEvent_keepsItsObjectInTheCache() {
        EventSpamFilter filter = new EventSpamFilter(2, 1, EventSpamFilter.QPS);
        assertTrue(filter.allows(1, T0));
        assertTrue(filter.allows(2, T0));
        assertFalse(filter.allows(1, T0));
        assertTrue(filter.allows(3, T0), "pushes out 2, the least recently used");
        assertFalse(filter.allows(1, T0), "1 kept its empty bucket");
        assertTrue(filter.allows(2, T0), "2 came back full");
    }

    @Test
    void clear_forgetsEveryObject() {
        EventSpamFilter filter = new EventSpamFilter(4, 1, EventSpamFilter.QPS);
        assertTrue(filter.allows(OBJECT, T0));
        filter.clear();
        assertTrue(filter.allows(OBJECT, T0));
    }

    /** The table against an access-ordered LinkedHashMap (groupcache's lru), over random keys and caches. */
    @Test
    void matchesAnAccessOrderedMap() {
        Random random = new Random(42);
        for (int capacity : new int[] {1, 3, 8, 64, EventSpamFilter.LRU_ENTRIES}) {
            EventSpamFilter filter = new EventSpamFilter(capacity, 2, 0.5f);
            Reference reference = new Reference(capacity, 2, 0.5f);
            long now = T0;
            for (int i = 0; i < 50_000; i++) {
                now += random.nextInt(400_000);
                long key = (long) random.nextInt(capacity * 3 / 2 + 2) << (random.nextBoolean() ? 32 : 0);
                assertEquals(reference.allows(key, now), filter.allows(key, now), "capacity " + capacity + ", step " + i);
            }
        }
    }

    private static final class Reference {
        private final Map<Long, double[]> cache;
        private final int burst;
        private final double limit;

        Reference(int capacity, int burst, float qps) {
            this.burst = burst;
            this.limit = qps;
            this.cache = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, double[]> eldest) {
                    return size() > capacity;
                }
            };
        }

        boolean allows(long key, long now) {
            double[] record = cache.computeIfAbsent(key, k -> new double[] {burst, now});
            double after = GoRate.advance(record[0], (long) record[1], now, limit, burst) - 1;
            if (!GoRate.allows(after, limit)) {
                return false;
            }
            record[0] = after;
            record[1] = now;
            return true;
        }
    }
}
