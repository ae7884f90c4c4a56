package io.nodesim.benchmarks;

import io.nodesim.benchmarks.eventqueue.HoldQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Timer resets, the pattern of lease renewals: {@code size} pending events, each tracked by its
 * handle; one operation cancels a uniformly chosen pending event and schedules its replacement at the
 * earliest pending time + X (X exponential, mean 10 s, pre-drawn). The queue never pops, so every
 * tracked handle stays valid.
 *
 * <p>For {@code priorityQueue} the cancel is {@code PriorityQueue.remove(Object)}, a linear scan:
 * O(n), so its numbers fall with size by orders of magnitude. That is the point of handles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EventQueueCancelHoldBenchmark {
    @Param({"calendarQueue", "quaternaryHeap", "priorityQueue", "ssjSplayTree", "dsolRedBlackTree", "cloudSimPlusFutureQueue"})
    public String impl;

    @Param({"1000", "100000", "1000000"})
    public int size;

    private HoldQueue queue;
    private final long[] increments = new long[EventQueueHoldBenchmark.TABLE_SIZE];
    private int next;
    /** xorshift64 state: picking the victim costs the same few instructions for every impl. */
    private long victimState = 0x9e3779b97f4a7c15L;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(42);
        for (int i = 0; i < increments.length; i++) {
            increments[i] = EventQueueHoldBenchmark.exponentialMicros(rng);
        }
        queue = HoldQueue.create(impl, size);
        for (int k = 0; k < size; k++) {
            queue.addTracked(k, EventQueueHoldBenchmark.exponentialMicros(rng));
        }
    }

    @Benchmark
    public long cancelAndSchedule() {
        long s = victimState;
        s ^= s << 13;
        s ^= s >>> 7;
        s ^= s << 17;
        victimState = s;
        int k = (int) (((s >>> 32) * size) >>> 32);
        int i = next;
        next = (i + 1) & (increments.length - 1);
        long time = queue.peekTime() + increments[i];
        queue.replace(k, time);
        return time;
    }
}
