package io.nodesim.faults;

import io.nodesim.cloud.CloudInstances;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.EventKind;
import io.nodesim.disruption.NodeDrainer;
import io.nodesim.kernel.Simulation;
import io.nodesim.kubelet.Kubelet;
import io.nodesim.kubelet.NodeFaultState;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * What a fault may touch: the world (kubelets, machines, the cloud's instances, the control plane)
 * and an operator's clients ({@code kubectl drain}), never controller logic.
 */
public record FaultContext(
        Simulation sim,
        ClusterState cluster,
        Kubelet kubelet,
        RandomGenerator rng,
        NodeDrainer drainer,
        CloudInstances cloud) {

    public NodeFaultState nodeFaults() {
        return kubelet.faults();
    }

    /** Records that a fault hit the node at {@code now}: its later delays are measured from here. */
    public void hit(int node, long now, String what) {
        if (cluster.nodes().createdAt(node) == NodeGroup.ON_DEMAND) {
            // an autoscaled pool's slot without a machine: the fault holds for any machine started
            // there, but there is no Node to record it on
            return;
        }
        // called before the fault's own state is set: nothing active means any earlier fault has healed
        cluster.nodes().markFailed(node, now, nodeFaults().active(node) == 0);
        cluster.recorder().record(now, EventKind.NodeFault, cluster.nodes().name(node), what);
    }
}
