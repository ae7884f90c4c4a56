package io.nodesim.experiment;

/**
 * An experiment could not complete: a replication failed (the cause is the runner's exception), or a
 * sweep's existing output belongs to a different sweep definition.
 */
public final class ExperimentException extends RuntimeException {
    public ExperimentException(String message) {
        super(message);
    }

    public ExperimentException(String message, Throwable cause) {
        super(message, cause);
    }
}
