package io.nodesim.metrics;

import io.nodesim.kernel.SimTime;

/**
 * A row of nodes.csv: one NotReady episode of a node (from its Ready condition leaving True to True
 * again, or to the end of the run), or the faults and taints of a node that never left Ready.
 *
 * @param failedAt the start of the fault that caused this episode
 * @param episode 1 for the node's first row, 2 for its next episode, ...
 * @param joinedAt when the Node object was created, for a node that joined during the run (joinAt or
 *     cluster-autoscaler); NEVER for the nodes of t = 0
 */
public record NodeRecord(
        String node,
        String zone,
        long failedAt,
        long unknownAt,
        long noScheduleTaintAt,
        long noExecuteTaintAt,
        long readyAgainAt,
        int episode,
        long joinedAt) {
    /** A row of a node that existed from the start. */
    public NodeRecord(String node, String zone, long failedAt, long unknownAt, long noScheduleTaintAt,
            long noExecuteTaintAt, long readyAgainAt, int episode) {
        this(node, zone, failedAt, unknownAt, noScheduleTaintAt, noExecuteTaintAt, readyAgainAt, episode, SimTime.NEVER);
    }

    /**
     * How long the node was not Ready in this episode: from Unknown to Ready again, or to
     * {@code end} while it lasts; NEVER when the node did not leave Ready.
     */
    public long notReadyMicros(long end) {
        if (unknownAt == SimTime.NEVER) {
            return SimTime.NEVER;
        }
        return (readyAgainAt == SimTime.NEVER ? end : readyAgainAt) - unknownAt;
    }
}
