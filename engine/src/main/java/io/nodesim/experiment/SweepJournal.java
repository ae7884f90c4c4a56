package io.nodesim.experiment;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where a sweep's table grows, one complete line at a time, so that an interrupted sweep can resume,
 * with the {@link SweepIdentity} of the sweep that began it, so that only that sweep resumes it.
 * The file implementation lives with the other writers (reports module); tests use memory.
 */
public interface SweepJournal {
    /**
     * The complete lines already recorded, oldest first, without line ends. A last line cut short by a
     * crash is not among them, and is discarded from the storage, so the next append follows the
     * last complete line.
     */
    List<String> lines() throws IOException;

    /** Appends lines; when this returns they survive a crash of the process or the machine. */
    void append(List<String> lines) throws IOException;

    /** Records the sweep that is about to append the first lines; durable when this returns. */
    void begin(SweepIdentity identity) throws IOException;

    /** The sweep recorded by {@link #begin}; empty when none was (a journal of an older nodesim). */
    Optional<SweepIdentity> identity() throws IOException;

    /** The journal as the user knows it (a file), for messages. */
    String describe();
}
