package io.nodesim.remediation;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.Condition;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.NodeWatcher;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.scenario.RemediationSpec;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * {@code spec.remediation}: whoever acts on a node that stays NotReady, as the documented
 * non-graceful node shutdown procedure asks (kubernetes.io "Non-graceful node shutdown handling":
 * add {@code node.kubernetes.io/out-of-service:NoExecute} once the node is really down) or as the
 * cloud does by deleting the Node: a human paged at night, a node-health-check operator
 * (medik8s NodeHealthCheck with a remediation template), a provider's auto-remediation. It watches
 * the Node's Ready condition (one watch delay after each write); when a node has not been Ready for
 * {@code notReadyFor} it acts after a sample of {@code delay}, if the node is still not Ready:
 * adds the out-of-service taint (and removes it once the node is Ready again) or deletes the Node.
 */
public final class Remediator implements NodeWatcher {
    private final Simulation sim;
    private final ClusterState cluster;
    private final RemediationSpec spec;
    private final DurationDistribution watch;
    private final RandomGenerator rng;
    private final long[] notReadySince;
    private final int[] episode;
    private final int seenKind;
    private final int actKind;
    private final int actions;

    public Remediator(Simulation sim, ClusterState cluster, RemediationSpec spec, DurationDistribution watch,
            RandomGenerator rng) {
        this.sim = sim;
        this.cluster = cluster;
        this.spec = spec;
        this.watch = watch;
        this.rng = rng;
        int n = cluster.nodes().count();
        notReadySince = new long[n];
        Arrays.fill(notReadySince, SimTime.NEVER);
        episode = new int[n];
        actions = n;
        seenKind = sim.registerKind("remediation.nodeWatch", this::seen);
        actKind = sim.registerKind("remediation.act", this::act);
        cluster.informers().watchNodes(this);
    }

    @Override
    public void nodeStatusWritten(int node, long time) {
        sim.schedule(time + watch.sample(rng), seenKind, node);
    }

    private void seen(int node, long now) {
        NodeObjects nodes = cluster.nodes();
        if (nodes.deleted(node)) {
            return;
        }
        boolean ready = nodes.ready(node) == Condition.TRUE;
        if (ready) {
            notReadySince[node] = SimTime.NEVER;
            episode[node]++;
            if (nodes.hasTaint(node, ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE)) {
                cluster.setNodeTaints(node, nodes.taints(node) & ~ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE, now);
            }
            return;
        }
        if (notReadySince[node] != SimTime.NEVER) {
            return;
        }
        notReadySince[node] = now;
        long at = now + spec.notReadyFor() + spec.delay().sample(rng);
        sim.schedule(at, actKind, (episode[node] % 1024) * actions + node);
    }

    private void act(int arg, long now) {
        int node = arg % actions;
        NodeObjects nodes = cluster.nodes();
        if (nodes.deleted(node) || notReadySince[node] == SimTime.NEVER || arg / actions != episode[node] % 1024) {
            return;
        }
        String name = nodes.name(node);
        if (RemediationSpec.DELETE_NODE.equals(spec.action())) {
            cluster.recorder().record(now, EventKind.NodeFault, name, "remediation: DeleteNode");
            cluster.deleteNode(node, now);
        } else if (!nodes.hasTaint(node, ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE)) {
            cluster.recorder().record(now, EventKind.NodeFault, name, "remediation: OutOfServiceTaint");
            cluster.setNodeTaints(node, nodes.taints(node) | ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE, now);
        }
    }
}
