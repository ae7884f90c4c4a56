package io.nodesim.cluster;

/** The kinds of events.csv (DESIGN §3): the causal chain from a fault to a pod deletion. */
public enum EventKind {
    NodeFault, NodeReadyUnknown, NodeReadyFalse, NodeReadyTrue, TaintAdded, TaintRemoved, ZoneState,
    DisruptionModeEntered, DisruptionModeExited, PodNotReady, PodDeleted, PodCreated, PodScheduled, PodReady,
    NodeCordoned, NodeUncordoned, EvictionRefused, NodeDrained, DrainFailed, PodFailed,
    ScaleUp, NodeJoined, ScaleDown, ClusterHealth
}
