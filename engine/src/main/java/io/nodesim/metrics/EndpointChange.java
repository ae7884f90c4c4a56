package io.nodesim.metrics;

/**
 * A change of a Service's ready endpoints as kube-proxy programs them (for the timeline).
 *
 * @param delta +1 when a pod's endpoint starts taking traffic, -1 when it stops
 */
public record EndpointChange(long time, String workload, int delta) {
}
