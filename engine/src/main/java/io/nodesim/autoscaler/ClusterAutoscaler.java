package io.nodesim.autoscaler;

import io.nodesim.autoscaler.BinpackingEstimator.PodGroup;
import io.nodesim.cluster.ClusterState;
import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.NodeObjects;
import io.nodesim.cluster.PodTable;
import io.nodesim.cluster.Topology;
import io.nodesim.kernel.RandomStreams;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import io.nodesim.kubelet.Kubelet;
import io.nodesim.scenario.ClusterAutoscalerConfig;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * cluster-autoscaler's main loop ({@code core/static_autoscaler.go} {@code RunOnce}, every
 * scan-interval; {@code --frequent-loops-enabled}, off by default, is not modelled). A scan:
 * <ol>
 *   <li>updates the cluster state ({@link ClusterReadiness}); a scale-up request whose group has no
 *       upcoming node left succeeded (its backoff is reset), one past max-node-provision-time failed
 *       and backs its group off ({@code clusterstate.updateScaleRequests});</li>
 *   <li>stops while the cluster is unhealthy ({@code IsClusterHealthy}): no scale-up, no scale-down,
 *       and the unneeded-node timers start over;</li>
 *   <li>deletes machines that have not registered within max-node-provision-time
 *       ({@code removeOldUnregisteredNodes});</li>
 *   <li>takes the unschedulable pods older than new-pod-scale-up-delay, without DaemonSet pods and
 *       expendable ones (priority below {@code --expendable-pods-priority-cutoff}, -10), drops those an
 *       existing node can take now ({@link ExistingNodes}) and those the upcoming nodes will take, estimates an option per group that is not backed off and below its
 *       max, lets the expander chain choose, and grows that one group ({@code IncreaseSize}) by the
 *       estimate, capped by the group's max and max-nodes-total;</li>
 *   <li>without a scale-up in the scan, scales down only unready nodes: an autoscaled node Unready
 *       ({@link ClusterReadiness}) at every scan for scale-down-unready-time is deleted, the group
 *       staying at or above its min, not within scale-down-delay-after-add of a scale-up. The model
 *       deletes the Node object with the machine and does not simulate where its pods would go;
 *       the scale-down of underused Ready nodes is not modelled.</li>
 * </ol>
 * A new machine registers its Node after the pool's provisionDelay and reports Ready as a joinAt
 * node does ({@link Kubelet#provision}). events.csv: {@code ScaleUp} (group, nodes added),
 * {@code ScaleDown} (group, node), {@code ClusterHealth} (Healthy / Unhealthy with the counts).
 */
public final class ClusterAutoscaler {
    /** {@code --expendable-pods-priority-cutoff}'s default. */
    static final int EXPENDABLE_PODS_PRIORITY_CUTOFF = -10;
    /** {@code --max-nodes-per-scaleup}'s default (the estimator's limit). */
    static final int MAX_NODES_PER_SCALE_UP = 1000;

    private final Simulation sim;
    private final ClusterState cluster;
    private final Kubelet kubelet;
    private final ExistingNodes existing;
    private final ClusterAutoscalerConfig config;
    private final NodeGroupState[] groups;
    private final ClusterReadiness readiness;
    private final UnschedulablePods unschedulable;
    private final ScaleUpPlanner planner;
    private final Expanders expanders;
    private final RandomGenerator provisionRng;
    private final long[] unreadySince;
    private final int scanKind;
    private long lastScaleUp = SimTime.NEVER;
    private Boolean healthy;

    private ClusterAutoscaler(Simulation sim, ClusterState cluster, Kubelet kubelet, ExistingNodes existing,
            Scenario scenario, RandomStreams streams) {
        this.sim = sim;
        this.cluster = cluster;
        this.kubelet = kubelet;
        this.existing = existing;
        this.config = scenario.clusterAutoscaler();
        groups = groups(cluster.topology());
        readiness = new ClusterReadiness(groups.length);
        unschedulable = new UnschedulablePods(cluster.pods());
        cluster.informers().watchPods(unschedulable);
        planner = new ScaleUpPlanner(scenario);
        expanders = new Expanders(config, streams.stream("autoscaler.expander"));
        provisionRng = streams.stream("autoscaler.provision");
        unreadySince = new long[cluster.nodes().count()];
        Arrays.fill(unreadySince, SimTime.NEVER);
        scanKind = sim.registerKind("autoscaler.scan", this::scan);
        sim.schedule((long) (streams.stream("autoscaler.loop").nextDouble() * config.scanInterval()), scanKind, 0);
    }

    /** Starts cluster-autoscaler when the scenario has {@code spec.clusterAutoscaler}; null otherwise. */
    public static ClusterAutoscaler startIfConfigured(Simulation sim, ClusterState cluster, Kubelet kubelet,
            ExistingNodes existing, Scenario scenario, RandomStreams streams) {
        return scenario.clusterAutoscaler().enabled()
                ? new ClusterAutoscaler(sim, cluster, kubelet, existing, scenario, streams) : null;
    }

    private static NodeGroupState[] groups(Topology topology) {
        Map<NodeGroup, List<Integer>> slots = new LinkedHashMap<>();
        for (int n = 0; n < topology.size(); n++) {
            NodeGroup g = topology.group(n);
            if (g.autoscaling() != null) {
                slots.computeIfAbsent(g, k -> new ArrayList<>()).add(n);
            }
        }
        List<NodeGroupState> out = new ArrayList<>();
        slots.forEach((g, nodes) -> out.add(new NodeGroupState(out.size(), g,
                nodes.stream().mapToInt(Integer::intValue).toArray())));
        return out.toArray(new NodeGroupState[0]);
    }

    /** The groups' target sizes, in scenario order (for tests and reports). */
    public int[] targetSizes() {
        return Arrays.stream(groups).mapToInt(g -> g.target).toArray();
    }

    private void scan(int unused, long now) {
        NodeObjects nodes = cluster.nodes();
        readiness.update(nodes, groups, now, config.maxNodeProvisionTime());
        updateScaleRequests(now);
        boolean ok = ClusterReadiness.healthy(readiness.total.unready, readiness.total.registered,
                config.okTotalUnreadyCount(), config.maxTotalUnreadyPercentage());
        if (healthy == null || healthy != ok) {
            cluster.recorder().record(now, EventKind.ClusterHealth, "cluster-autoscaler", (ok ? "Healthy" : "Unhealthy")
                    + ": unready=" + readiness.total.unready + " registered=" + readiness.total.registered);
            healthy = ok;
        }
        if (ok) {
            removeOldUnregistered(now);
            if (!scaleUp(now)) {
                scaleDownUnready(now);
            }
        } else {
            Arrays.fill(unreadySince, SimTime.NEVER);
        }
        sim.schedule(now + config.scanInterval(), scanKind, 0);
    }

    private void updateScaleRequests(long now) {
        for (NodeGroupState g : groups) {
            if (!g.hasRequest()) {
                continue;
            }
            if (g.target <= readiness.perGroup[g.index].provisioned()) {
                g.clearRequest();
                g.removeBackoff();
            } else if (g.expectedAddTime < now) {
                g.backoff(now, config.initialNodeGroupBackoffDuration(), config.maxNodeGroupBackoffDuration());
                g.clearRequest();
            }
        }
    }

    private void removeOldUnregistered(long now) {
        NodeObjects nodes = cluster.nodes();
        for (NodeGroupState g : groups) {
            for (int k = 0; k < g.slots.length; k++) {
                if (g.requestedAt[k] != SimTime.NEVER && nodes.createdAt(g.slots[k]) == NodeGroup.ON_DEMAND
                        && g.requestedAt[k] + config.maxNodeProvisionTime() < now) {
                    sim.cancel(g.registration[k]);
                    g.requestedAt[k] = SimTime.NEVER;
                    g.target--;
                }
            }
        }
    }

    /** One scale-up, if the pending pods call for one; true when nodes were asked for. */
    private boolean scaleUp(long now) {
        int[] pending = pendingPods(now);
        if (pending.length == 0) {
            return false;
        }
        NodeObjects nodes = cluster.nodes();
        List<PodGroup> pods = planner.afterUpcoming(pending, groups, readiness, nodes, now);
        if (pods.isEmpty()) {
            return false;
        }
        int upcoming = 0;
        for (NodeGroupState g : groups) {
            upcoming += readiness.perGroup[g.index].upcoming(g.target);
        }
        int clusterRoom = config.maxNodesTotal() > 0
                ? config.maxNodesTotal() - readiness.total.registered - upcoming : Integer.MAX_VALUE;
        if (clusterRoom <= 0) {
            return false;
        }
        List<ExpansionOption> options = new ArrayList<>();
        for (NodeGroupState g : groups) {
            if (g.backedOff(now) || g.target >= g.max()) {
                continue;
            }
            int limit = Math.min(Math.min(g.max() - g.target, clusterRoom), MAX_NODES_PER_SCALE_UP);
            ExpansionOption o = planner.option(g, pods, limit, nodes);
            if (o != null) {
                options.add(o);
            }
        }
        ExpansionOption chosen = expanders.choose(options);
        if (chosen == null) {
            return false;
        }
        NodeGroupState g = groups[chosen.group()];
        int add = Math.min(Math.min(chosen.nodeCount(), g.max() - g.target), clusterRoom);
        int added = 0;
        for (; added < add; added++) {
            int k = g.freeSlot(nodes);
            if (k < 0) {
                break;
            }
            g.requestedAt[k] = now;
            g.registration[k] = kubelet.provision(g.slots[k],
                    now + g.group.autoscaling().provisionDelay().sample(provisionRng));
        }
        if (added == 0) {
            return false;
        }
        g.target += added;
        g.registerScaleUp(added, now, config.maxNodeProvisionTime());
        lastScaleUp = now;
        cluster.recorder().record(now, EventKind.ScaleUp, g.group.name(), Integer.toString(added));
        return true;
    }

    /**
     * The workloads of the unschedulable pods cluster-autoscaler acts on, in order: without
     * DaemonSet pods, young pods, expendable pods and pods an existing node can take now.
     */
    private int[] pendingPods(long now) {
        PodTable pods = cluster.pods();
        int[] all = unschedulable.current();
        int[] out = new int[all.length];
        int n = 0;
        for (int p : all) {
            int w = pods.workload(p);
            long created = pods.createdAt(p) == SimTime.NEVER ? 0 : pods.createdAt(p);
            if (cluster.workloads().get(w).daemonSet() || now - created < config.newPodScaleUpDelay()
                    || planner.priority(w) < EXPENDABLE_PODS_PRIORITY_CUTOFF) {
                continue;
            }
            out[n++] = w;
        }
        int[] candidates = Arrays.copyOf(out, n);
        boolean[] fits = existing.fit(candidates);
        int kept = 0;
        for (int i = 0; i < candidates.length; i++) {
            if (!fits[i]) {
                candidates[kept++] = candidates[i];
            }
        }
        return Arrays.copyOf(candidates, kept);
    }

    private void scaleDownUnready(long now) {
        if (!config.scaleDownEnabled()) {
            return;
        }
        boolean cooldown = lastScaleUp != SimTime.NEVER && now < lastScaleUp + config.scaleDownDelayAfterAdd();
        NodeObjects nodes = cluster.nodes();
        for (NodeGroupState g : groups) {
            for (int node : g.slots) {
                if (ClusterReadiness.state(nodes, node, now) != ClusterReadiness.State.UNREADY) {
                    unreadySince[node] = SimTime.NEVER;
                    continue;
                }
                if (unreadySince[node] == SimTime.NEVER) {
                    unreadySince[node] = now;
                } else if (!cooldown && now - unreadySince[node] >= config.scaleDownUnreadyTime()
                        && g.target > g.min()) {
                    cluster.deleteNode(node, now);
                    g.target--;
                    unreadySince[node] = SimTime.NEVER;
                    cluster.recorder().record(now, EventKind.ScaleDown, g.group.name(), nodes.name(node));
                }
            }
        }
    }
}
