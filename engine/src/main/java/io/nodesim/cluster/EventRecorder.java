package io.nodesim.cluster;

import io.nodesim.metrics.EventRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the events of one run when asked to; a disabled recorder costs one branch per call, so
 * the controllers call it unconditionally.
 */
public final class EventRecorder {
    private final boolean enabled;
    private final List<EventRecord> events = new ArrayList<>();

    public EventRecorder(boolean enabled) {
        this.enabled = enabled;
    }

    public void record(long time, EventKind kind, String object, String detail) {
        if (enabled) {
            events.add(new EventRecord(time, kind.name(), object, detail));
        }
    }

    /** Whether events are kept: a caller whose detail is costly to build asks first. */
    public boolean enabled() {
        return enabled;
    }

    public List<EventRecord> events() {
        return List.copyOf(events);
    }
}
