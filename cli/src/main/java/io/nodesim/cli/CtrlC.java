package io.nodesim.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT, SIGTERM) into an interrupt of the command's thread, and holds the JVM's exit
 * until the command has stopped cleanly: an experiment cancels its replications and throws
 * {@link InterruptedException}, files already complete stay as they are (a sweep's rows), and no
 * output is left half-written. Without this the JVM would exit in the middle of whatever it was doing.
 */
final class CtrlC {
    /** How long the exit waits for the command to stop; a replication in progress is abandoned, not awaited. */
    private static final long GRACE_SECONDS = 30;

    private CtrlC() {
    }

    static <T> T interruptible(Callable<T> command) throws Exception {
        Thread worker = Thread.currentThread();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                stopped.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "nodesim-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return command.call();
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of Ctrl-C: the hook has run and is finishing
            }
        }
    }
}
