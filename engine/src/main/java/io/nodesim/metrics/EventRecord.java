package io.nodesim.metrics;

/** A row of events.csv: one step of the causal chain (kind e.g. NodeReadyUnknown, TaintAdded). */
public record EventRecord(long time, String kind, String object, String detail) {
}
