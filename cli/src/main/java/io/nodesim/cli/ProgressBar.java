package io.nodesim.cli;

import io.nodesim.experiment.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr for replications and sweeps, redrawn in place with a carriage
 * return. Redraws only when the shown text changes, so a sweep of thousands of short replications does
 * not flood a slow terminal. Only for a terminal: piped output gets no bar (see {@link #forConsole}),
 * and work that ends within a second draws nothing, so quick runs stay quiet.
 */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PrintStream out;
    private final LongSupplier clock;
    private final long startNanos;
    private int points = -1;
    private int pointsTotal;
    private String shown = "";

    ProgressBar(PrintStream out) {
        this(out, System::nanoTime);
    }

    ProgressBar(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
    }

    /** A bar on stderr when a person is watching, else nothing. */
    static ProgressListener forConsole() {
        return System.console() != null ? new ProgressBar(System.err) : ProgressListener.NONE;
    }

    @Override
    public void pointsDone(int done, int total) {
        points = done;
        pointsTotal = total;
        if (done == total) {
            draw(1, String.format(Locale.ROOT, "%d/%d points", done, total));
            finish();
        }
    }

    @Override
    public void replicationsDone(int done, int total) {
        String text = String.format(Locale.ROOT, "%d/%d replications", done, total);
        if (points >= 0) {
            text = String.format(Locale.ROOT, "%d/%d points, %s", points, pointsTotal, text);
        }
        draw(done / (double) total, text);
        if (done == total && points < 0) {
            finish();
        }
    }

    private void draw(double fraction, String text) {
        int filled = (int) Math.floor(fraction * WIDTH);
        String line = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + text;
        if (shown.isEmpty() && clock.getAsLong() - startNanos < QUIET_NANOS) {
            return;
        }
        if (!line.equals(shown)) {
            out.print("\r" + line);
            out.flush();
            shown = line;
        }
    }

    private void finish() {
        if (!shown.isEmpty()) {
            out.println();
        }
        shown = "";
    }
}
