package io.nodesim.reports.console;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error for work that takes a while (replications, sweep
 * points). It stays silent when the output is not a terminal (piped, redirected, CI logs) and for
 * work that ends within a second, so quick runs and scripts see no noise. {@link #step()} may be
 * called from several threads.
 *
 * <pre>{@code
 * try (Progress p = Progress.start("replications", n)) {
 *     for (...) { run(); p.step(); }
 * }
 * }</pre>
 */
public final class Progress implements AutoCloseable {
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int BAR_WIDTH = 30;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final LongSupplier clock;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();
    private long lastDrawNanos;
    private boolean drawn;
    private boolean closed;

    Progress(String label, long total, PrintStream out, LongSupplier clock) {
        this.label = label;
        this.total = Math.max(0, total);
        this.out = out;
        this.clock = clock;
        this.startNanos = out == null ? 0 : clock.getAsLong();
    }

    /** A bar for {@code total} steps; silent unless standard output is a terminal. */
    public static Progress start(String label, long total) {
        return new Progress(label, total, System.console() == null ? null : System.err, System::nanoTime);
    }

    /** One step done. */
    public void step() {
        long d = done.incrementAndGet();
        if (out == null) {
            return;
        }
        long now = clock.getAsLong();
        synchronized (this) {
            if (closed || now - startNanos < QUIET_NANOS || drawn && now - lastDrawNanos < REDRAW_NANOS && d < total) {
                return;
            }
            lastDrawNanos = now;
            draw(d);
        }
    }

    /** Steps done so far. */
    public long done() {
        return done.get();
    }

    /** Finishes the line if a bar was drawn. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (drawn) {
            draw(done.get());
            out.print('\n');
            out.flush();
        }
    }

    private void draw(long d) {
        long shown = Math.min(d, total);
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * shown / total);
        int percent = total == 0 ? 100 : (int) (100 * shown / total);
        out.print(String.format(Locale.ROOT, "\r%s [%s%s] %d/%d %3d%%", label, "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), shown, total, percent));
        out.flush();
        drawn = true;
    }
}
