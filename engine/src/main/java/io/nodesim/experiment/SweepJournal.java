package io.nodesim.experiment;

import java.io.IOException;
import java.util.List;

/**
 * Where a sweep's table grows, one complete line at a time, so that an interrupted sweep can resume.
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
}
