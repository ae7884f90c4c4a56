package io.nodesim.reports.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent output jobs (a CSV file, a chart) run on every core. Their results come back in the
 * order given, whatever order they finished in, so what is written does not depend on the threads.
 */
public final class OnEveryCore {
    private OnEveryCore() {
    }

    /** What to undo when a job failed, given the results of those that did not. */
    @FunctionalInterface
    public interface Cleanup {
        void undo(List<Object> succeeded) throws IOException;
    }

    /**
     * Runs every job, the first ones first (put the longest at the front), and waits for all of them,
     * even when one fails, so that no job is still writing when {@code cleanup} runs; then rethrows the
     * first failure in job order.
     */
    public static List<Object> run(List<? extends Callable<?>> jobs, Cleanup cleanup) throws IOException {
        int threads = Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nodesim-output");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Callable<?> job : jobs) {
                futures.add(pool.submit(job));
            }
            List<Object> results = new ArrayList<>();
            Throwable failure = null;
            for (Future<?> f : futures) {
                try {
                    results.add(waitFor(f));
                } catch (ExecutionException e) {
                    results.add(null);
                    if (failure == null) {
                        failure = e.getCause();
                    }
                }
            }
            if (failure != null) {
                List<Object> succeeded = new ArrayList<>(results);
                succeeded.removeIf(java.util.Objects::isNull);
                cleanup.undo(succeeded);
                rethrow(failure);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object waitFor(Future<?> f) throws ExecutionException, InterruptedIOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the outputs");
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IOException(t);
    }
}
