package io.nodesim.kernel;

/** Reacts to the events of one kind; {@code target} is the int the event was scheduled with. */
@FunctionalInterface
public interface EventHandler {
    void fire(int target, long now);
}
