package io.nodesim.cluster;

/** Told when an API server outage ends: requests blocked on it get their answers then. */
@FunctionalInterface
public interface ApiServerWatcher {
    void apiServerRecovered(long time);
}
