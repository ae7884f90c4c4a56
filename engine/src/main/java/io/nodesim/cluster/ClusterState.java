package io.nodesim.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The whole cluster of one run: nodes, pods, zones, workloads, the control plane and the recorder. */
public final class ClusterState {
    private final NodeObjects nodes;
    private final PodTable pods;
    private final List<String> zones;
    private final List<WorkloadInfo> workloads;
    private final ControlPlane controlPlane = new ControlPlane();
    private final EventRecorder recorder;
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private WorkloadAvailability availability;
    private final java.util.List<NodeChangeListener> nodeListeners = new java.util.ArrayList<>();

    public ClusterState(NodeObjects nodes, PodTable pods, List<String> zones, List<WorkloadInfo> workloads,
            EventRecorder recorder) {
        this.nodes = nodes;
        this.pods = pods;
        this.zones = List.copyOf(zones);
        this.workloads = List.copyOf(workloads);
        this.recorder = recorder;
        for (int i = 0; i < nodes.count; i++) {
            nodeIndex.put(nodes.names[i], i);
        }
    }

    public NodeObjects nodes() {
        return nodes;
    }

    public PodTable pods() {
        return pods;
    }

    public List<String> zones() {
        return zones;
    }

    public List<WorkloadInfo> workloads() {
        return workloads;
    }

    public WorkloadInfo workloadOf(int pod) {
        return workloads.get(pods.workload[pod]);
    }

    /** Starts tracking workload readiness; called once the pods of t = 0 exist. */
    public void trackAvailability() {
        availability = new WorkloadAvailability(this);
    }

    public WorkloadAvailability availability() {
        return availability;
    }

    /** Sets a pod's Ready condition and keeps its workload's Ready count. */
    public void setPodReady(int pod, boolean isReady, long now) {
        if (pods.ready[pod] != isReady) {
            pods.ready[pod] = isReady;
            availability.changed(pods.workload[pod], isReady ? 1 : -1, now);
        }
    }

    public void addNodeListener(NodeChangeListener listener) {
        nodeListeners.add(listener);
    }

    /** A node's taints changed or it was deleted: its watchers are told. */
    public void nodeChanged(int node, long now) {
        for (NodeChangeListener l : nodeListeners) {
            l.nodeChanged(node, now);
        }
    }

    public ControlPlane controlPlane() {
        return controlPlane;
    }

    public EventRecorder recorder() {
        return recorder;
    }

    /** The index of the named node, or -1. */
    public int nodeIndex(String name) {
        Integer i = nodeIndex.get(name);
        return i == null ? -1 : i;
    }
}
