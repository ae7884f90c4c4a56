package io.nodesim.nodelifecycle;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One zone's queue of nodes waiting for a NoExecute taint (or, on the legacy path, for pod
 * eviction): {@code pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go}, all versions
 * modelled. A unique queue (a node is in the "set" from Add until Remove, and in the heap from
 * Add until it is processed) behind a {@link TokenBucket}.
 *
 * <p>Order: upstream is a heap on ProcessAt = the time of Add. Nodes added by the same monitor
 * pass get ProcessAt values in the order the pass's 8 parallel workers reached them, which is not
 * fixed; the taint path also re-adds (Remove + Add) every queued untainted node on every pass. So
 * the head is the earliest pass's batch, and inside a batch a uniformly random member. This class
 * draws that member from the zone's seeded stream at the time it is taken, which has the same
 * distribution as shuffling each pass, at O(batch) per taint instead of O(queue) per pass. A node
 * whose action failed gets ProcessAt = now + 1 ns: it sorts behind every batch queued so far, and
 * before later passes' ({@link ZoneQueues#retryLater}).
 */
final class RateLimitedTimedQueue {
    private final RandomGenerator rng;
    /** Node → its index in {@code items}, -1 when not in the heap; shared by every zone's queue. */
    private final int[] position;
    private TokenBucket limiter;
    private int[] items = new int[16];
    private long[] batch = new long[16];
    private int size;

    RateLimitedTimedQueue(float qps, long now, RandomGenerator rng, int[] position) {
        this.rng = rng;
        this.position = position;
        this.limiter = TokenBucket.create(qps, now);
    }

    int size() {
        return size;
    }

    /** Appends a node to the heap (the caller keeps the set membership). */
    void push(int node, long batchId) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            batch = Arrays.copyOf(batch, size * 2);
        }
        items[size] = node;
        batch[size] = batchId;
        position[node] = size;
        size++;
    }

    boolean inHeap(int node) {
        return position[node] >= 0;
    }

    /** Removes a node from the heap if it is there. */
    boolean removeFromHeap(int node) {
        int i = position[node];
        if (i < 0) {
            return false;
        }
        position[node] = -1;
        size--;
        if (i != size) {
            items[i] = items[size];
            batch[i] = batch[size];
            position[items[i]] = i;
        }
        return true;
    }

    boolean tryAccept(long now) {
        return limiter.tryAccept(now);
    }

    /** The node at the head: a uniformly drawn member of the oldest batch; -1 when empty. */
    int head() {
        if (size == 0) {
            return -1;
        }
        long oldest = Long.MAX_VALUE;
        int members = 0;
        for (int i = 0; i < size; i++) {
            if (batch[i] < oldest) {
                oldest = batch[i];
                members = 1;
            } else if (batch[i] == oldest) {
                members++;
            }
        }
        int pick = members == 1 ? 0 : rng.nextInt(members);
        for (int i = 0; i < size; i++) {
            if (batch[i] == oldest && pick-- == 0) {
                return items[i];
            }
        }
        throw new IllegalStateException("unreachable: batch member not found");
    }

    void swapLimiter(float qps, long now) {
        limiter = limiter.swap(qps, now);
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            position[items[i]] = -1;
        }
        size = 0;
    }
}
