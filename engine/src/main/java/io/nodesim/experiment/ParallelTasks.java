package io.nodesim.experiment;

import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs indexed tasks on a fixed pool and hands each result to the calling thread, which alone does
 * anything with it (collecting, writing, reporting progress): workers only compute.
 *
 * <p>Tasks start in index order (the pool's queue is FIFO) and finish in any order; callers store
 * results by index. When the calling thread is interrupted (Ctrl-C), a task fails or the callback
 * throws, the queued tasks are dropped and the running ones interrupted; nothing more reaches the
 * callback. An interrupt that comes during the callback of the last task finds nothing left to
 * cancel: the call returns normally and leaves the interrupt status set for the caller. Worker
 * threads are daemons: a replication already running when the experiment is cancelled cannot be
 * stopped midway (the simulation does not poll interrupts) and must not keep the JVM alive.
 */
final class ParallelTasks {
    /** Receives one finished task's result on the calling thread. */
    @FunctionalInterface
    interface Completion<T, X extends Exception> {
        void accept(int index, T value) throws X;
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;

    ParallelTasks(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** All available processors: the default of {@code --threads}. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs tasks {@code 0..count-1}, calling {@code onDone} for each as it finishes.
     *
     * @throws InterruptedException the calling thread was interrupted; all tasks were cancelled
     * @throws ExperimentException a task threw; the others were cancelled
     */
    <T, X extends Exception> void run(int count, IntFunction<T> task, Completion<T, X> onDone)
            throws InterruptedException, X {
        if (count == 0) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), daemonThreads());
        try {
            CompletionService<Indexed<T>> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < count; i++) {
                int index = i;
                done.submit(() -> new Indexed<>(index, task.apply(index)));
            }
            for (int i = 0; i < count; i++) {
                Indexed<T> result;
                try {
                    result = done.take().get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw new ExperimentException(cause.getMessage() == null ? cause.toString() : cause.getMessage(),
                            cause);
                }
                onDone.accept(result.index(), result.value());
            }
        } finally {
            // drops the queued tasks and interrupts the running ones, on every way out
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "nodesim-experiment-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private record Indexed<T>(int index, T value) {
    }
}
