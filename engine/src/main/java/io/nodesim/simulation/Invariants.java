package io.nodesim.simulation;

import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.Condition;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.ControllerTaints;
import io.nodesim.controllermanager.ApiClient;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.metrics.EventRecord;
import io.nodesim.scenario.Scenario;
import io.nodesim.scheduler.CompiledPod;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The run-end checks: time never went backwards, every pod is accounted for, taints match
 * conditions, and no node holds more than it can (the pods on it, Terminating ones included as the
 * scheduler counts them, request no more cpu, memory and pod slots than its allocatable).
 */
final class Invariants {
    private Invariants() {
    }

    /**
     * @param leadingSince when the running kube-controller-manager took its Lease (later than the run's
     *        end while it is down)
     * @param nodeController the node lifecycle controller's client, which writes the taint removals
     */
    static void register(Simulation sim, ClusterState cluster, Scenario scenario, SchedulerPlacement placement,
            LongSupplier leadingSince, ApiClient nodeController) {
        // A node Ready again keeps its NoExecute taint until the next pass; allow two passes and a second
        // from when the controller could remove it: running, the API server up, a token for the write.
        long slack = 2 * scenario.kubeControllerManager().nodeMonitorPeriod() + SimTime.SECOND;
        sim.addInvariantCheck(() -> {
            checkTime(cluster.recorder().events());
            checkPods(cluster);
            long now = sim.now();
            if (cluster.controlPlane().isUp(now)) {
                long couldAct = Math.max(Math.max(leadingSince.getAsLong(), cluster.controlPlane().lastOutageEnd(now)),
                        nodeController.busyUntil());
                checkTaints(cluster, now, couldAct, slack);
            }
            checkFit(cluster, placement);
        });
    }

    private static void checkTime(List<EventRecord> events) {
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).time() < events.get(i - 1).time()) {
                throw new IllegalStateException("time went backwards at event " + i + ": " + events.get(i));
            }
        }
    }

    private static void checkPods(ClusterState cluster) {
        PodTable pods = cluster.pods();
        NodeObjects nodes = cluster.nodes();
        int onNodes = 0;
        for (int node = 0; node < nodes.count(); node++) {
            for (int p = pods.firstOnNode(node); p >= 0; p = pods.nextOnNode(p)) {
                if (pods.node(p) != node) {
                    throw new IllegalStateException("pod " + pods.name(p) + " listed on the wrong node");
                }
                onNodes++;
            }
        }
        int bound = 0;
        for (int p = 0; p < pods.count(); p++) {
            if (pods.node(p) >= 0 && !pods.isGone(p)) {
                bound++;
            }
            if (pods.isDeleted(p) && pods.ready(p)) {
                throw new IllegalStateException("deleted pod " + pods.name(p) + " is Ready");
            }
            if (pods.node(p) < 0 && (pods.ready(p) || pods.started(p))) {
                throw new IllegalStateException("pod " + pods.name(p) + " runs without a node");
            }
            if (pods.isGone(p) && !pods.isDeleted(p)) {
                throw new IllegalStateException("pod " + pods.name(p) + " is gone without a deletion");
            }
        }
        if (onNodes != bound) {
            throw new IllegalStateException(bound + " bound pods but " + onNodes + " on node lists");
        }
    }

    /**
     * Every node's pods fit its allocatable. Nodes holding a pod that names its node
     * ({@code spec.nodeName}) are left out: such a pod skips the scheduler, and the kubelet's
     * admission that would reject it is not modelled.
     */
    private static void checkFit(ClusterState cluster, SchedulerPlacement placement) {
        PodTable pods = cluster.pods();
        NodeObjects nodes = cluster.nodes();
        io.nodesim.scheduler.SchedulerCache capacity = placement.nodes();
        for (int node = 0; node < nodes.count(); node++) {
            long cpu = 0;
            long memory = 0;
            int count = 0;
            boolean named = false;
            for (int p = pods.firstOnNode(node); p >= 0; p = pods.nextOnNode(p)) {
                CompiledPod t = placement.workloadTemplate(pods.workload(p));
                cpu += t.request(io.nodesim.scheduler.SchedulerCache.CPU);
                memory += t.request(io.nodesim.scheduler.SchedulerCache.MEMORY);
                count++;
                named |= t.nodeName != null;
            }
            if (named) {
                continue;
            }
            if (cpu > capacity.allocatable(io.nodesim.scheduler.SchedulerCache.CPU, node)
                    || memory > capacity.allocatable(io.nodesim.scheduler.SchedulerCache.MEMORY, node)
                    || count > capacity.allowedPods(node)) {
                throw new IllegalStateException(nodes.name(node) + " holds pods it does not fit: cpu " + cpu + "m of "
                        + capacity.allocatable(io.nodesim.scheduler.SchedulerCache.CPU, node) + "m, memory " + memory + " of "
                        + capacity.allocatable(io.nodesim.scheduler.SchedulerCache.MEMORY, node) + ", pods " + count + " of "
                        + capacity.allowedPods(node));
            }
        }
    }

    private static void checkTaints(ClusterState cluster, long now, long couldAct, long slack) {
        NodeObjects nodes = cluster.nodes();
        for (int i = 0; i < nodes.count(); i++) {
            int t = nodes.taints(i);
            if ((t & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) == ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) {
                throw new IllegalStateException(nodes.name(i) + " has both unreachable and not-ready NoExecute");
            }
            // A deleted Node object keeps whatever taints it had: no controller removes them.
            if ((t & ControllerTaints.NODE_CONTROLLER_NO_EXECUTE) != 0 && nodes.ready(i) == Condition.TRUE
                    && !nodes.deleted(i) && now - Math.max(nodes.readyTransition(i), couldAct) > slack) {
                throw new IllegalStateException(nodes.name(i) + " is Ready but kept its NoExecute taint");
            }
        }
    }
}
