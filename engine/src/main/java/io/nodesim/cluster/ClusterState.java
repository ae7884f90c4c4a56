package io.nodesim.cluster;

import java.util.List;

/**
 * The API server's state of one run: the {@link Topology}, Node objects, pods, workloads, the
 * control plane and the recorder. Its mutators are the writes controllers and kubelets make; each
 * publishes on the {@link InformerBus}, where the other components learn of it.
 */
public final class ClusterState {
    private final Topology topology;
    private final NodeObjects nodes;
    private final PodTable pods;
    private final List<WorkloadInfo> workloads;
    private final InformerBus informers = new InformerBus();
    private final ControlPlane controlPlane = new ControlPlane(informers);
    private final EventRecorder recorder;
    private WorkloadAvailability availability;

    public ClusterState(Topology topology, PodTable pods, List<WorkloadInfo> workloads, EventRecorder recorder) {
        this.topology = topology;
        this.nodes = new NodeObjects(topology);
        this.pods = pods;
        this.workloads = List.copyOf(workloads);
        this.recorder = recorder;
    }

    public Topology topology() {
        return topology;
    }

    public NodeObjects nodes() {
        return nodes;
    }

    public PodTable pods() {
        return pods;
    }

    public List<String> zones() {
        return topology.zones();
    }

    public List<WorkloadInfo> workloads() {
        return workloads;
    }

    public WorkloadInfo workloadOf(int pod) {
        return workloads.get(pods.workload(pod));
    }

    public InformerBus informers() {
        return informers;
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
        if (pods.ready(pod) != isReady) {
            pods.setReady(pod, isReady);
            availability.changed(pods.workload(pod), isReady ? 1 : -1, now);
            informers.podReadyChanged(pod, isReady, now);
        }
    }

    /** A controller POSTs a Pending pod of workload {@code w}, in place of {@code replaces} (-1: none). */
    public int createPod(int w, String name, int replaces, long now) {
        return create(w, name, replaces, -1, now);
    }

    /** The DaemonSet controller POSTs workload {@code w}'s Pending pod for {@code node}. */
    public int createDaemonPod(int w, String name, int node, long now) {
        return create(w, name, -1, node, now);
    }

    private int create(int w, String name, int replaces, int pinnedTo, long now) {
        int p = pods.addPending(name, w, now);
        if (pinnedTo >= 0) {
            pods.pin(p, pinnedTo);
        }
        if (replaces >= 0) {
            pods.linkReplacement(replaces, p);
        }
        if (recorder.enabled()) {
            recorder.record(now, EventKind.PodCreated, name,
                    replaces >= 0 ? "replaces " + pods.name(replaces) : workloads.get(w).name());
        }
        informers.podCreated(p, now);
        return p;
    }

    /**
     * The kubelet terminated the pod and set its phase to Failed (graceful node shutdown): not Ready,
     * no longer active, so its controller replaces it as it would a deleted one.
     */
    public void failPod(int pod, long now, String reason) {
        if (pods.failed(pod) || pods.isDeleted(pod)) {
            return;
        }
        setPodReady(pod, false, now);
        pods.markFailed(pod);
        if (pods.notReadyAt(pod) == io.nodesim.kernel.SimTime.NEVER) {
            pods.markNotReady(pod, now);
        }
        recorder.record(now, EventKind.PodFailed, pods.name(pod), reason);
        informers.podFailed(pod, now);
    }

    /** A scheduling attempt found no node for the Pending pod (PodScheduled=False, Unschedulable). */
    public void podUnschedulable(int pod, long now) {
        pods.markUnschedulable(pod, now);
        informers.podUnschedulable(pod, now);
    }

    /** The binding of a pod to its node completed. */
    public void bindPod(int pod, int node, long now) {
        pods.bind(pod, node, now);
        recorder.record(now, EventKind.PodScheduled, pods.name(pod), nodes.name(node));
        informers.podBound(pod, now);
    }

    /**
     * Writes the node's Ready condition: Unknown (the node controller) or False (the kubelet), the
     * start of a NotReady episode for nodes.csv, or True (the kubelet; the end of the episode).
     */
    public void setNodeReady(int node, byte status, long now) {
        nodes.setReady(node, status, now);
        if (status == Condition.UNKNOWN) {
            nodes.firstUnknown(node, now);
        } else if (status == Condition.FALSE) {
            nodes.firstFalse(node, now);
        } else if (status == Condition.TRUE) {
            nodes.readyAgain(node, now);
        }
        informers.nodeStatusWritten(node, now);
    }

    /**
     * Writes the node's controller-managed taints: each added or removed taint is recorded (the
     * first NoSchedule, and the start of a NoExecute episode, for nodes.csv), then published.
     */
    public void setNodeTaints(int node, int after, long now) {
        int before = nodes.taints(node);
        if (after == before) {
            return;
        }
        nodes.setTaints(node, after);
        String name = nodes.name(node);
        for (int bit = 1; bit <= ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE; bit <<= 1) {
            if ((after & bit) != 0 && (before & bit) == 0) {
                recorder.record(now, EventKind.TaintAdded, name, ControllerTaints.describe(bit));
                if ((bit & ControllerTaints.NO_SCHEDULE_MASK) != 0) {
                    nodes.firstNoScheduleTaint(node, now);
                }
                // A swap between unreachable and not-ready continues the same NoExecute episode.
                if ((bit & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) != 0
                        && (before & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) == 0) {
                    nodes.firstNoExecuteTaint(node, now);
                }
            } else if ((before & bit) != 0 && (after & bit) == 0) {
                recorder.record(now, EventKind.TaintRemoved, name, ControllerTaints.describe(bit));
            }
        }
        informers.taintsChanged(node, before, after, now);
    }

    /** Writes the node's {@code spec.unschedulable} (kubectl cordon / uncordon) and publishes it. */
    public void setNodeCordoned(int node, boolean cordoned, long now) {
        if (nodes.cordoned(node) != cordoned) {
            nodes.setCordoned(node, cordoned);
            informers.nodeSpecChanged(node, now);
        }
    }

    /** A node that joins during the run: its kubelet registers the Node object. */
    public void createNode(int node, long now) {
        nodes.markCreated(node, now);
        recorder.record(now, EventKind.NodeJoined, nodes.name(node), topology.group(node).name());
        informers.nodeCreated(node, now);
    }

    /** The Node object is deleted (it does not come back). */
    public void deleteNode(int node, long now) {
        nodes.markDeleted(node);
        informers.nodeDeleted(node, now);
    }

    public ControlPlane controlPlane() {
        return controlPlane;
    }

    public EventRecorder recorder() {
        return recorder;
    }

    /** The index of the named node, or -1. */
    public int nodeIndex(String name) {
        return topology.indexOf(name);
    }
}
