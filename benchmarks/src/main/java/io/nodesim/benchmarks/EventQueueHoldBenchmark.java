package io.nodesim.benchmarks;

import io.nodesim.benchmarks.eventqueue.HoldQueue;
import io.nodesim.kernel.SimTime;
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
 * The classic hold model: {@code size} pending events; one operation pops the earliest and schedules
 * its successor at the popped time + X, so the queue size stays constant.
 *
 * <ul>
 *   <li>{@link #hold}: X exponential with mean 10 s, from a pre-drawn table of 4096 values, so no
 *       random drawing is timed; nearly all times are distinct.</li>
 *   <li>{@link #periodicHold}: X is 10 s or 5 s (heartbeats and lease renewals) and the initial times
 *       lie on a 100 ms grid, so thousands of events share each time and the FIFO tie-break is hit on
 *       almost every comparison.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EventQueueHoldBenchmark {
    static final int TABLE_SIZE = 4096;
    static final long MEAN_INCREMENT = SimTime.seconds(10);

    @Param({"calendarQueue", "quaternaryHeap", "priorityQueue", "ssjSplayTree", "dsolRedBlackTree", "cloudSimPlusFutureQueue"})
    public String impl;

    @Param({"1000", "100000", "1000000"})
    public int size;

    /** One queue of the hold model and its table of increments; the subclasses say how X is drawn. */
    public abstract static class HoldState {
        private HoldQueue queue;
        private final long[] increments = new long[TABLE_SIZE];
        private int next;

        abstract long increment(SplittableRandom rng);

        abstract long initialTime(SplittableRandom rng);

        @Setup
        public void setUp(EventQueueHoldBenchmark params) {
            SplittableRandom rng = new SplittableRandom(42);
            for (int i = 0; i < TABLE_SIZE; i++) {
                increments[i] = increment(rng);
            }
            queue = HoldQueue.create(params.impl, 0);
            for (int i = 0; i < params.size; i++) {
                queue.add(initialTime(rng));
            }
        }

        final long hold() {
            int i = next;
            next = (i + 1) & (TABLE_SIZE - 1);
            return queue.hold(increments[i]);
        }
    }

    /** X exponential, mean 10 s; initial times drawn from the same distribution. */
    @State(Scope.Thread)
    public static class Exponential extends HoldState {
        @Override
        long increment(SplittableRandom rng) {
            return exponentialMicros(rng);
        }

        @Override
        long initialTime(SplittableRandom rng) {
            return exponentialMicros(rng);
        }
    }

    /** X of 5 s or 10 s; initial times on a 100 ms grid over 10 s. */
    @State(Scope.Thread)
    public static class Periodic extends HoldState {
        @Override
        long increment(SplittableRandom rng) {
            return rng.nextBoolean() ? SimTime.seconds(10) : SimTime.seconds(5);
        }

        @Override
        long initialTime(SplittableRandom rng) {
            return SimTime.millis(100) * rng.nextInt(100);
        }
    }

    static long exponentialMicros(SplittableRandom rng) {
        return Math.round(-MEAN_INCREMENT * Math.log(1.0 - rng.nextDouble()));
    }

    @Benchmark
    public long hold(Exponential s) {
        return s.hold();
    }

    @Benchmark
    public long periodicHold(Periodic s) {
        return s.hold();
    }
}
