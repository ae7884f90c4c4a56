package io.nodesim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A journal in memory; {@link #text()} is what the file would hold. */
final class MemoryJournal implements SweepJournal {
    /** An identity for tests about something else: one fake scenario, no arguments beyond a varied x. */
    static final SweepIdentity IDENTITY = new SweepIdentity("0".repeat(64),
            new SweepArguments(List.of(), SweepSpec.parse(List.of("x=1"), List.of(), 0), 0));

    final List<String> lines = new ArrayList<>();
    SweepIdentity identity;
    int appends;

    /** A journal that already holds {@code lines}, begun by {@link #IDENTITY}. */
    static MemoryJournal holding(List<String> lines) {
        MemoryJournal j = new MemoryJournal();
        j.lines.addAll(lines);
        j.identity = IDENTITY;
        return j;
    }

    @Override
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void append(List<String> more) {
        lines.addAll(more);
        appends++;
    }

    @Override
    public void begin(SweepIdentity begun) {
        identity = begun;
    }

    @Override
    public Optional<SweepIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    @Override
    public String describe() {
        return "the journal";
    }

    String text() {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }
}
