package io.nodesim.workloads;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.Condition;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.kernel.SimTime;

/**
 * When a ReadWriteOnce volume of a replaced pod (a StatefulSet's claim, or a scenario
 * PersistentVolumeClaim a Deployment, ReplicaSet or Pod mounts) may attach to the new pod's node: the
 * attach-detach controller's reconciler
 * ({@code pkg/controller/volume/attachdetach/reconciler/reconciler.go}) detaches it from the old
 * node first. The old pod leaves the desired state of the world when its object is gone
 * ({@code attachdetach/util} {@code DetermineVolumeAction}: a Terminating pod whose containers the
 * API still shows running is not terminated and keeps its volumes); from then the
 * volume is detached as soon as the old node's kubelet has unmounted it (the node is Ready again),
 * at once when the old node has the {@code node.kubernetes.io/out-of-service} taint
 * (NodeOutOfServiceVolumeDetach, GA 1.28), and otherwise only after
 * {@code maxWaitForUnmountDuration} (6 min) on an unhealthy node: the force detach.
 */
public final class AttachDetachController {
    /** {@code DefaultTimerConfig.ReconcilerMaxWaitForUnmountDuration}. */
    public static final long MAX_WAIT_FOR_UNMOUNT = 6 * SimTime.MINUTE;

    private final ClusterState cluster;

    public AttachDetachController(ClusterState cluster) {
        this.cluster = cluster;
    }

    /**
     * The earliest time, judged at {@code now}, at which the RWO volume {@code pod} inherits from the
     * pod it replaces is free to attach: {@code now} when it is free already, else the force-detach
     * time (a later change of the old node may free it earlier; the kubelet asks again).
     */
    public long freeAt(int pod, long now) {
        PodTable pods = cluster.pods();
        int old = pods.replaces(pod);
        if (old < 0 || pods.node(old) < 0) {
            return now;
        }
        int node = pods.node(old);
        NodeObjects nodes = cluster.nodes();
        boolean unmounted = !nodes.deleted(node) && nodes.ready(node) == Condition.TRUE;
        if (unmounted || nodes.hasTaint(node, ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE)) {
            return now;
        }
        if (pods.goneAt(old) == SimTime.NEVER) {
            // DetermineVolumeAction: a Terminating pod whose containers still show running is not
            // terminated (IsPodTerminated), so its volumes stay in the desired state of the world.
            return SimTime.NEVER;
        }
        return Math.max(now, pods.goneAt(old) + MAX_WAIT_FOR_UNMOUNT);
    }
}
