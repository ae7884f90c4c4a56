package io.nodesim.cluster;

/**
 * One NotReady episode of a node, from its Ready condition leaving True to True again
 * ({@code readyAgainAt}, NEVER while it lasts): the times of one nodes.csv row.
 *
 * @param failedAt the start of the fault that caused the episode, NEVER when none did (a stall)
 */
public record NodeEpisode(long failedAt, long unknownAt, long noScheduleTaintAt, long noExecuteTaintAt,
        long readyAgainAt) {
}
