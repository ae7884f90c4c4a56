package io.nodesim.nodelifecycle;

import io.nodesim.cluster.Topology;
import io.nodesim.kernel.RandomStreams;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The controller's {@code zoneNoExecuteTainter} map (or {@code zonePodEvictor} on the legacy
 * path): one {@link RateLimitedTimedQueue} per zone, and the unique-queue "set" of each node.
 */
final class ZoneQueues {
    /** A heap key is the batch in the high bits and a retry's sequence number in these low bits. */
    private static final int RETRY_BITS = 24;
    private final RateLimitedTimedQueue[] queues;
    private final boolean[] inSet;
    private final int[] position;
    private final Topology topology;
    private final float qps;
    private final RandomStreams streams;
    private int generation;
    /** The newest batch (monitor pass) that added a node, and the retries queued behind it since. */
    private long newestBatch;
    private long retriesBehindNewest;
    private IntConsumer left = node -> { };

    ZoneQueues(Topology topology, float qps, RandomStreams streams) {
        this.queues = new RateLimitedTimedQueue[topology.zones().size()];
        this.topology = topology;
        this.inSet = new boolean[topology.size()];
        this.position = new int[topology.size()];
        this.qps = qps;
        this.streams = streams;
        reset(0);
    }

    /** New queues with full buckets at {@code qps} (addPodEvictorForNewZone), as after a restart. */
    void reset(long now) {
        newestBatch = 0;
        retriesBehindNewest = 0;
        Arrays.fill(inSet, false);
        Arrays.fill(position, -1);
        for (int z = 0; z < queues.length; z++) {
            queues[z] = new RateLimitedTimedQueue(qps, now,
                    streams.stream("nodelifecycle.queue." + z + "." + generation), position);
        }
        generation++;
    }

    /**
     * Tells {@code listener} of every node that leaves the set: a lost node passed over stays so
     * only while queued, and a pass that looks at it may queue it again.
     */
    void onLeave(IntConsumer listener) {
        left = listener;
    }

    int zones() {
        return queues.length;
    }

    RateLimitedTimedQueue queue(int zone) {
        return queues[zone];
    }

    /**
     * {@code UniqueQueue.Add}: false when the node is still in the set. Its ProcessAt is the time of
     * the monitor pass {@code batch} that adds it: the heap orders by batch, then retries (below).
     */
    boolean add(int node, long batch) {
        if (inSet[node]) {
            return false;
        }
        inSet[node] = true;
        if (batch > newestBatch) {
            newestBatch = batch;
            retriesBehindNewest = 0;
        }
        queues[topology.zone(node)].push(node, batch << RETRY_BITS);
        return true;
    }

    /**
     * The node's action failed ({@code Try}: {@code ProcessAt = now + wait + 1}, {@code Replace}): it
     * goes behind every node queued so far, and before those of later passes, retries in the order
     * they failed.
     */
    void retryLater(int node) {
        RateLimitedTimedQueue q = queues[topology.zone(node)];
        if (q.removeFromHeap(node)) {
            q.push(node, newestBatch << RETRY_BITS | ++retriesBehindNewest);
        }
    }

    /** {@code UniqueQueue.Remove}: out of the heap and the set, so it may be added again. */
    boolean remove(int node) {
        if (!inSet[node]) {
            return false;
        }
        inSet[node] = false;
        queues[topology.zone(node)].removeFromHeap(node);
        left.accept(node);
        return true;
    }

    /** {@code UniqueQueue.RemoveFromQueue}: processed; stays in the set until {@link #remove}. */
    void processed(int node) {
        queues[topology.zone(node)].removeFromHeap(node);
    }

    /** Whether the node is in the set (queued, or processed and not removed yet). */
    boolean contains(int node) {
        return inSet[node];
    }

    /** Whether no queue holds a node to work on. */
    boolean allEmpty() {
        for (RateLimitedTimedQueue q : queues) {
            if (q.size() > 0) {
                return false;
            }
        }
        return true;
    }

    boolean queued(int node) {
        return position[node] >= 0;
    }
}
