package io.nodesim.metrics;

/** A row of nodes.csv: a node that had a fault or changed its Ready condition. */
public record NodeRecord(
        String node,
        String zone,
        long failedAt,
        long unknownAt,
        long noScheduleTaintAt,
        long noExecuteTaintAt,
        long readyAgainAt) {
}
