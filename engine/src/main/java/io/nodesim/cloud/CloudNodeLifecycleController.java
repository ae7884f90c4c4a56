package io.nodesim.cloud;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.Condition;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.NodeWatcher;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.Simulation;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The cloud node lifecycle controller of cloud-controller-manager
 * ({@code k8s.io/cloud-provider/controllers/nodelifecycle/node_lifecycle_controller.go},
 * {@code MonitorNodes} under {@code wait.UntilWithContext(nodeMonitorPeriod)}): every pass lists the
 * nodes from its informer; a node whose Ready condition is True is skipped, and a node that is not
 * Ready (False, Unknown or none) and whose instance no longer exists in the cloud is deleted. So a
 * terminated instance's Node goes only after the node lifecycle controller has marked it Unknown
 * (node-monitor-grace-period), at the first pass after that write reached this informer. Then pod GC
 * force-deletes its pods after its quarantine. Not modelled: the shutdown taint
 * ({@code node.cloudprovider.kubernetes.io/shutdown:NoSchedule}) of a stopped instance that still
 * exists, and the {@code node.kubernetes.io/exclude-from-lifecycle-management} label.
 *
 * <p>The loop's phase is drawn when the run starts; its passes are simulated only from the first
 * termination of the run on (before it, every pass would skip every node).
 */
public final class CloudNodeLifecycleController implements NodeWatcher {
    private final Simulation sim;
    private final ClusterState cluster;
    private final CloudInstances instances;
    private final long period;
    private final DurationDistribution watch;
    private final RandomGenerator rng;
    private final long phase;
    private final byte[] observedReady;
    private final int passKind;
    private final int watchKind;

    /** @param period cloud-controller-manager's {@code --node-monitor-period} */
    public CloudNodeLifecycleController(Simulation sim, ClusterState cluster, CloudInstances instances, long period,
            DurationDistribution watch, RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
        this.instances = instances;
        this.period = period;
        this.watch = watch;
        this.rng = rng;
        this.phase = (long) (rng.nextDouble() * period);
        NodeObjects nodes = cluster.nodes();
        observedReady = new byte[nodes.count()];
        for (int i = 0; i < observedReady.length; i++) {
            observedReady[i] = nodes.ready(i);
        }
        passKind = sim.registerKind("cloudnodelifecycle.monitorNodes", (t, now) -> monitorNodes(now));
        watchKind = sim.registerKind("cloudnodelifecycle.nodeWatch",
                (node, now) -> observedReady[node] = cluster.nodes().ready(node));
        instances.onFirstTermination(() -> sim.schedule(nextPass(sim.now()), passKind, 0));
        cluster.informers().watchNodes(this);
    }

    /** The first pass of the loop strictly after {@code t}. */
    private long nextPass(long t) {
        return t < phase ? phase : phase + ((t - phase) / period + 1) * period;
    }

    @Override
    public void nodeStatusWritten(int node, long time) {
        sim.schedule(time + watch.sample(rng), watchKind, node);
    }

    private void monitorNodes(long now) {
        NodeObjects nodes = cluster.nodes();
        if (cluster.controlPlane().isUp(now)) {
            for (int i = 0; i < nodes.count(); i++) {
                if (nodes.deleted(i) || !nodes.exists(i, now) || observedReady[i] == Condition.TRUE
                        || instances.exists(i)) {
                    continue;
                }
                cluster.recorder().record(now, EventKind.NodeFault, nodes.name(i),
                        "DeletingNode: it does not exist in the cloud provider");
                cluster.deleteNode(i, now);
            }
        }
        sim.schedule(now + period, passKind, 0);
    }
}
