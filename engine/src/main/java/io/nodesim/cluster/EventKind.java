package io.nodesim.cluster;

/** The kinds of events.csv (DESIGN §3): the causal chain from a fault to a pod deletion. */
public enum EventKind {
    NodeFault, NodeReadyUnknown, NodeReadyFalse, NodeReadyTrue, TaintAdded, TaintRemoved, ZoneState,
    DisruptionModeEntered, DisruptionModeExited, PodNotReady, PodDeleted, PodCreated, PodScheduled, PodReady,
    NodeCordoned, NodeUncordoned, EvictionRefused, NodeDrained, DrainFailed, PodFailed,
    ScaleUp, NodeJoined, ScaleDown, ClusterHealth,
    /** The scheduler chose the pod (object) as a victim of the preemptor (detail). */
    PodPreempted,
    /** kube-scheduler found no node for the pod; the detail is its FitError message. */
    FailedScheduling,
    /** The taint-eviction controller's decision for a pod on a NoExecute-tainted node: now, at a time, or never. */
    TolerationChecked
}
