package io.nodesim.experiment;

/**
 * Progress of an experiment, for a progress bar. Always called from the thread that started the
 * experiment (never from a worker), in order, so an implementation needs no synchronisation.
 */
public interface ProgressListener {
    /** Nothing to show. */
    ProgressListener NONE = new ProgressListener() { };

    /**
     * {@code done} of {@code total} replications have finished. In precision mode {@code total}
     * grows when a batch is added; in a sweep it counts the replications of every point still to run.
     */
    default void replicationsDone(int done, int total) {
    }

    /** {@code done} of {@code total} sweep points have their row written (resumed points included). */
    default void pointsDone(int done, int total) {
    }
}
