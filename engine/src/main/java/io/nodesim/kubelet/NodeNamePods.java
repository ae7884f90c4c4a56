package io.nodesim.kubelet;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.NodeWatcher;
import io.nodesim.cluster.PodTable;
import io.nodesim.scenario.Scenario;
import java.util.Arrays;

/**
 * Pods of t = 0 whose {@code spec.nodeName} names a node that joins during the run. The API server
 * accepts such a pod (nothing checks that the node exists) and no scheduler touches it; the kubelet
 * that registers under that name lists the pods bound to it and starts them
 * ({@code pkg/kubelet/config/apiserver.go} watches {@code spec.nodeName=<its name>}), so the pod is
 * bound when the Node object is created. Until then pod GC sees an orphan
 * ({@code pkg/controller/podgc/gc_controller.go} {@code gcOrphaned}: the node is quarantined for
 * 40 s, then the pod is force-deleted if the node still does not exist), see
 * {@code workloads.PodGarbageCollector}.
 */
public final class NodeNamePods implements NodeWatcher {
    private final ClusterState cluster;
    /** Per pod: the index of the not-yet-created node its nodeName names, or -1. */
    private final int[] namedNode;
    private final int[] waiting;

    public NodeNamePods(ClusterState cluster, Scenario scenario) {
        this.cluster = cluster;
        PodTable pods = cluster.pods();
        namedNode = new int[pods.count()];
        Arrays.fill(namedNode, -1);
        int found = 0;
        int[] list = new int[pods.count()];
        for (int p = 0; p < pods.count(); p++) {
            var spec = scenario.workloads().get(pods.workload(p)).template().getSpec();
            String name = spec == null ? null : spec.getNodeName();
            int node = name == null || name.isEmpty() ? -1 : cluster.nodes().topology().indexOf(name);
            if (pods.node(p) < 0 && node >= 0 && !cluster.nodes().exists(node, 0)) {
                namedNode[p] = node;
                list[found++] = p;
            }
        }
        waiting = Arrays.copyOf(list, found);
    }

    /** The pods still waiting for the node they name: pending, not deleted, the node not created. */
    public int[] waiting() {
        return waiting;
    }

    /** The node the pod names. */
    public int namedNode(int pod) {
        return namedNode[pod];
    }

    /** True while the pod waits, unbound, for its node. */
    public boolean waits(int pod) {
        PodTable pods = cluster.pods();
        return pods.node(pod) < 0 && !pods.isDeleted(pod) && !pods.isGone(pod);
    }

    /** The kubelet registers the Node object: the pods naming it are its own from then on. */
    @Override
    public void nodeCreated(int node, long time) {
        for (int p : waiting) {
            if (namedNode[p] == node && waits(p)) {
                cluster.bindPod(p, node, time);
            }
        }
    }
}
