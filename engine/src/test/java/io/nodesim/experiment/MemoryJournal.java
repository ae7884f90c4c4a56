package io.nodesim.experiment;

import java.util.ArrayList;
import java.util.List;

/** A journal in memory; {@link #text()} is what the file would hold. */
final class MemoryJournal implements SweepJournal {
    final List<String> lines = new ArrayList<>();
    int appends;

    @Override
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void append(List<String> more) {
        lines.addAll(more);
        appends++;
    }

    String text() {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }
}
