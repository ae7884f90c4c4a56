package io.nodesim.controllermanager;

import java.util.Arrays;

/**
 * client-go's {@code EventSourceObjectSpamFilter} (tools/record/events_cache.go), the filter of
 * the {@code EventCorrelator} that every {@code StartRecordingToSink} builds: a token bucket per
 * spam key ({@code getSpamKey}: the source's component and host and the involved object's kind,
 * namespace, name, UID and API version; not the reason), {@code defaultSpamBurst} 25 tokens,
 * refilled at {@code defaultSpamQPS} 1/300 per second (a float32, as {@code CorrelatorOptions}
 * holds it), kept in an LRU cache of {@code maxLruCacheEntries} 4096 keys: a key pushed out comes
 * back with a full bucket. {@code Filter} takes a token with {@code TryAccept}, the
 * {@code flowcontrol.NewTokenBucketRateLimiterWithClock} limiter's {@code AllowN(now, 1)}
 * ({@link GoRate}); an event it refuses is skipped, never sent. A sink has one source, so an
 * object alone is its key here.
 *
 * <p>Allocation-free: the cache is an open-addressing table over primitive arrays, the recency
 * order a linked list of slots. The arrays start small and double up to the cache's size: most
 * sinks see a handful of objects, and a sweep builds three sinks per replication.
 */
public final class EventSpamFilter {
    /** {@code defaultSpamBurst}. */
    public static final int BURST = 25;
    /** {@code defaultSpamQPS}, 1. / 300., as a float32. */
    public static final float QPS = 1f / 300f;
    /** {@code maxLruCacheEntries}. */
    public static final int LRU_ENTRIES = 4096;

    private static final int NONE = -1;
    private static final int INITIAL_SLOTS = 16;

    private final int burst;
    private final double limit;
    private final int capacity;
    private long[] keys;
    private double[] tokens;
    private long[] last;
    /** The recency list: {@code head} the most recent, {@code tail} the next to go. */
    private int[] newer;
    private int[] older;
    /** Slot + 1 per table cell, 0 for an empty one (linear probing). */
    private int[] table;
    private int mask;
    private int size;
    private int head = NONE;
    private int tail = NONE;

    /** client-go's defaults. */
    public EventSpamFilter() {
        this(LRU_ENTRIES, BURST, QPS);
    }

    /** {@code NewEventSourceObjectSpamFilter(lruCacheSize, burst, qps, ...)}. */
    public EventSpamFilter(int lruCacheSize, int burst, float qps) {
        if (lruCacheSize < 1 || burst < 1 || !(qps > 0)) {
            throw new IllegalArgumentException("cache size and burst must be >= 1 and qps > 0");
        }
        this.capacity = lruCacheSize;
        this.burst = burst;
        this.limit = qps;
        int slots = Math.min(capacity, INITIAL_SLOTS);
        keys = new long[slots];
        tokens = new double[slots];
        last = new long[slots];
        newer = new int[slots];
        older = new int[slots];
        newTable(slots);
    }

    private void newTable(int slots) {
        table = new int[Integer.highestOneBit(slots * 2 - 1) << 1];
        mask = table.length - 1;
    }

    /** Twice the slots, up to the cache's size; the table is built again for them. */
    private void grow() {
        int slots = Math.min(capacity, keys.length * 2);
        keys = Arrays.copyOf(keys, slots);
        tokens = Arrays.copyOf(tokens, slots);
        last = Arrays.copyOf(last, slots);
        newer = Arrays.copyOf(newer, slots);
        older = Arrays.copyOf(older, slots);
        newTable(slots);
        for (int slot = 0; slot < size; slot++) {
            place(slot);
        }
    }

    /**
     * {@code !Filter(event)} for an event about {@code object} taken at {@code now}: whether it may
     * be sent. The object's record becomes the most recent either way ({@code cache.Get}, then
     * {@code cache.Add}); a new one starts with a full bucket.
     */
    public boolean allows(long object, long now) {
        int slot = find(object);
        if (slot == NONE) {
            if (size == keys.length && size < capacity) {
                grow();
            }
            slot = size < capacity ? size++ : evictOldest();
            keys[slot] = object;
            tokens[slot] = burst;
            last[slot] = now;
            place(slot);
        } else {
            unlink(slot);
        }
        pushFront(slot);
        double after = GoRate.advance(tokens[slot], last[slot], now, limit, burst) - 1.0;
        if (!GoRate.allows(after, limit)) {
            return false;
        }
        tokens[slot] = after;
        last[slot] = now;
        return true;
    }

    /** A new process: a new correlator, an empty cache. */
    public void clear() {
        Arrays.fill(table, 0);
        size = 0;
        head = NONE;
        tail = NONE;
    }

    private int evictOldest() {
        int slot = tail;
        unlink(slot);
        remove(slot);
        return slot;
    }

    private void pushFront(int slot) {
        older[slot] = head;
        newer[slot] = NONE;
        if (head != NONE) {
            newer[head] = slot;
        } else {
            tail = slot;
        }
        head = slot;
    }

    private void unlink(int slot) {
        if (newer[slot] != NONE) {
            older[newer[slot]] = older[slot];
        } else {
            head = older[slot];
        }
        if (older[slot] != NONE) {
            newer[older[slot]] = newer[slot];
        } else {
            tail = newer[slot];
        }
    }

    private int home(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }

    private int find(long key) {
        for (int i = home(key); table[i] != 0; i = (i + 1) & mask) {
            if (keys[table[i] - 1] == key) {
                return table[i] - 1;
            }
        }
        return NONE;
    }

    private void place(int slot) {
        int i = home(keys[slot]);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = slot + 1;
    }

    /** Takes the slot's cell out of the table, shifting back the cells its probe run held up. */
    private void remove(int slot) {
        int hole = home(keys[slot]);
        while (table[hole] != slot + 1) {
            hole = (hole + 1) & mask;
        }
        int j = hole;
        while (true) {
            table[hole] = 0;
            while (true) {
                j = (j + 1) & mask;
                if (table[j] == 0) {
                    return;
                }
                int k = home(keys[table[j] - 1]);
                boolean staysPut = hole <= j ? hole < k && k <= j : hole < k || k <= j;
                if (!staysPut) {
                    break;
                }
            }
            table[hole] = table[j];
            hole = j;
        }
    }
}
